// The diplograph explorer: asks the JSON API of `diplograph serve` and draws what it answers
// with Debian's d3 (version 3). No other script, nothing fetched from elsewhere.
(function () {
  "use strict";

  var byLabel = {};          // completion: label -> IRI
  var shown = { title: "", columns: [], rows: [] };  // the table on screen, for Export CSV
  var colour = d3.scale.category10();
  // The levels of representation as people write them.
  var levelNames = { none: "no representation", charge_d_affaires: "chargé d’affaires",
                     minister: "minister", ambassador: "ambassador", represented: "represented, rank unknown" };
  function levelName(level) { return levelNames[level] || String(level).replace(/_/g, " "); }

  function $(id) { return document.getElementById(id); }

  function query(params) {
    return Object.keys(params).filter(function (k) { return params[k] !== "" && params[k] != null; })
      .map(function (k) { return encodeURIComponent(k) + "=" + encodeURIComponent(params[k]); }).join("&");
  }

  // GET /api/ROUTE: the JSON answer, or the error the API sent, shown with its candidates.
  function ask(route, params) {
    return fetch("api/" + route + "?" + query(params)).then(function (r) {
      return r.json().then(function (body) {
        if (r.ok) return body;
        showError(body);
        throw body;
      });
    });
  }

  function say(text) {
    var m = $("message");
    m.className = "";
    m.textContent = text;
  }

  function showError(body) {
    var m = $("message");
    m.className = "error";
    m.textContent = body.error + " ";
    (body.candidates || []).forEach(function (c) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = c.label;
      b.title = c.iri;
      b.addEventListener("click", function () { $("search").value = c.label; byLabel[c.label] = c.iri; showEgo(); });
      m.appendChild(b);
    });
  }

  function named(text) { return byLabel[text] || text; }

  // ------------------------------------------------------------------ completion

  var pending = null;
  $("search").addEventListener("input", complete);
  $("path-from").addEventListener("input", complete);
  $("path-to").addEventListener("input", complete);

  function complete(e) {
    var text = e.target.value.trim();
    clearTimeout(pending);
    if (text.length < 2) return;
    pending = setTimeout(function () {
      ask("actors", { q: text, limit: 10 }).then(function (a) {
        var list = $("actor-list");
        list.innerHTML = "";
        a.rows.forEach(function (r) {
          byLabel[r.label] = r.actor;
          var o = document.createElement("option");
          o.value = r.label;
          o.textContent = r.kind + (r.state ? ", " + r.state : "") + " (" + r.events + " events)";
          list.appendChild(o);
        });
      }, function () {});
    }, 150);
  }

  // ------------------------------------------------------------------ the table and its CSV

  function table(title, columns, rows) {
    shown = { title: title, columns: columns, rows: rows };
    $("table-title").textContent = title;
    $("export").disabled = rows.length === 0;
    var t = d3.select("#table").html("").append("table");
    t.append("tr").selectAll("th").data(columns).enter().append("th").text(String);
    var tr = t.selectAll("tr.row").data(rows).enter().append("tr").attr("class", "row");
    tr.selectAll("td").data(function (r) { return columns.map(function (c) { return r[c]; }); })
      .enter().append("td").each(function (v) {
        var s = v == null ? "" : String(v);
        if (/^https?:\/\//.test(s)) d3.select(this).append("a").attr("href", s).attr("target", "_blank").text(s);
        else d3.select(this).text(s);
      });
  }

  function csvField(v) {
    var s = v == null ? "" : String(v);
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  $("export").addEventListener("click", function () {
    var lines = [shown.columns.map(csvField).join(",")].concat(shown.rows.map(function (r) {
      return shown.columns.map(function (c) { return csvField(r[c]); }).join(",");
    }));
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv" }));
    a.download = shown.title.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() + ".csv";
    document.body.appendChild(a);
    a.click();
    a.remove();
  });

  // ------------------------------------------------------------------ the ego network

  $("ego-form").addEventListener("submit", function (e) { e.preventDefault(); showEgo(); });

  var MOST_ALTERS = 30;  // ties among the first 30 actors met are asked for, one request each

  function showEgo() {
    var actor = named($("search").value.trim());
    var level = $("level").value;
    var window_ = { level: level, since: $("since").value.trim(), until: $("until").value.trim() };
    ask("met", Object.assign({ actor: actor }, window_)).then(function (a) {
      return ties(a.rows, window_).then(function (among) { drawNetwork(a.rows, among, level); });
    }, function () {});
  }

  // The meetings among the actors the ego met (its ego network's other ties), each pair once.
  function ties(rows, window_) {
    var egos = d3.set(rows.map(function (r) { return r.actor; }));
    var alters = d3.set(rows.map(function (r) { return r.other; }).filter(function (o) { return !egos.has(o); }));
    var asked = alters.values().slice(0, MOST_ALTERS);
    return Promise.all(asked.map(function (alter) {
      return ask("met", Object.assign({ actor: alter }, window_)).then(function (a) { return a.rows; },
                                                                        function () { return []; });
    })).then(function (lists) {
      return [].concat.apply([], lists).filter(function (r) {
        return alters.has(r.other) && r.actor < r.other;
      });
    });
  }

  // One link per pair and type of interaction, its events kept for the table; `among` are the
  // ties between the actors the ego met.
  function network(rows, among) {
    var nodes = {}, links = {};
    function node(id, label, ego) {
      return nodes[id] = nodes[id] || { id: id, label: label || id, ego: ego };
    }
    rows.forEach(function (r) { node(r.actor, r.actor_label, true); });
    rows.concat(among).forEach(function (r) {
      var key = r.actor + " " + r.other + " " + r.type;
      links[key] = links[key] || { source: node(r.actor, r.actor_label, false), target: node(r.other, r.other_label, false),
                                   type: r.type, events: [] };
      links[key].events.push(r);
    });
    var list = d3.values(links), seen = {};
    list.forEach(function (l) {  // parallel links of one pair bend apart
      var pair = l.source.id + " " + l.target.id;
      l.bend = seen[pair] = (seen[pair] || 0) + 1;
    });
    return { nodes: d3.values(nodes), links: list };
  }

  function drawNetwork(rows, among, level) {
    var el = d3.select("#network").html("");
    if (!rows.length) {
      say("No meetings found for this actor in this window.");
      el.append("p").text("(no meetings)");
      return;
    }
    var g = network(rows, among), width = $("network").clientWidth || 640, height = 460;
    var others = g.nodes.length - 1, kind = level === "state" ? "state" : "actor";
    say(rows.length + (rows.length === 1 ? " event" : " events") + " with " + others + " " + kind +
        (others === 1 ? "" : "s") + (among.length ? "; " + among.length + " among them" : "") + ".");
    var svg = el.append("svg").attr("viewBox", "0 0 " + width + " " + height).attr("height", height);
    var most = d3.max(g.links, function (l) { return l.events.length; });
    var width_of = d3.scale.sqrt().domain([1, Math.max(2, most)]).range([2, 10]);
    g.nodes.forEach(function (n, i) {  // a circle to start from: no two nodes on one spot
      var angle = 2 * Math.PI * i / g.nodes.length;
      n.x = width / 2 + (n.ego ? 0 : 150 * Math.cos(angle));
      n.y = height / 2 + (n.ego ? 0 : 150 * Math.sin(angle));
    });
    var force = d3.layout.force().nodes(g.nodes).links(g.links).size([width, height])
      .linkDistance(140).charge(-500);
    var link = svg.selectAll(".link").data(g.links).enter().append("path").attr("class", "link")
      .attr("stroke", function (l) { return colour(l.type); })
      .attr("stroke-width", function (l) { return width_of(l.events.length); })
      .on("click", function (l) { showEdge(l); });
    link.append("title").text(function (l) { return l.source.label + " – " + l.target.label + ": " + l.events.length + " " + l.type; });
    var node = svg.selectAll(".node").data(g.nodes).enter().append("g")
      .attr("class", function (n) { return "node" + (n.ego ? " ego" : ""); })
      .on("click", function (n) { $("search").value = n.label; byLabel[n.label] = n.id; showEgo(); })
      .call(force.drag);
    node.append("circle").attr("r", function (n) { return n.ego ? 10 : 7; })
      .attr("fill", function (n) { return n.ego ? "#1f3a5f" : "#6c8ebf"; });
    node.append("text").attr("dx", 12).attr("dy", 4).text(function (n) { return n.label; });
    node.each(function () {  // a box of the background under each label: no edge strikes through it
      var box = d3.select(this).select("text").node().getBBox();
      d3.select(this).insert("rect", "text").attr("class", "label-bg")
        .attr("x", box.x - 2).attr("y", box.y - 1).attr("width", box.width + 4).attr("height", box.height + 2);
    });
    force.on("tick", function () {
      link.attr("d", function (l) {
        var dx = l.target.x - l.source.x, dy = l.target.y - l.source.y;
        var r = Math.sqrt(dx * dx + dy * dy) * (l.bend === 1 ? 0 : 1.5 / l.bend);
        return r ? "M" + l.source.x + "," + l.source.y + "A" + r + "," + r + " 0 0,1 " + l.target.x + "," + l.target.y
                 : "M" + l.source.x + "," + l.source.y + "L" + l.target.x + "," + l.target.y;
      });
      node.attr("transform", function (n) { return "translate(" + n.x + "," + n.y + ")"; });
    });
    force.start();
    legend(g.links);
    table("Events of " + g.nodes.filter(function (n) { return n.ego; }).map(function (n) { return n.label; }).join(", "),
          ["date", "type", "actor_label", "other_label", "event", "source"], rows);
  }

  function legend(links) {
    var types = d3.set(links.map(function (l) { return l.type; })).values().sort();
    var span = d3.select("#legend").html("").selectAll("span").data(types).enter().append("span");
    span.append("i").style("background", function (t) { return colour(t); });
    span.append("b").text(String);
  }

  function showEdge(l) {
    table(l.source.label + " – " + l.target.label + ": " + l.type, ["date", "type", "event", "source"], l.events);
  }

  // ------------------------------------------------------------------ the relation timeline

  $("relation-form").addEventListener("submit", function (e) { e.preventDefault(); showRelation(); });

  function day(text) {  // YYYY, YYYY-MM or YYYY-MM-DD as the first day it covers
    var p = String(text).split("-");
    return new Date(Date.UTC(+p[0], p[1] ? +p[1] - 1 : 0, p[2] ? +p[2] : 1));
  }

  function showRelation() {
    var a = $("relation-a").value.trim(), b = $("relation-b").value.trim();
    ask("relation", { between: a, and: b }).then(function (r) { drawTimeline(r); }, function () {});
  }

  function drawTimeline(r) {
    var el = d3.select("#timeline").html("");
    var rows = r.rows;
    if (!rows.length) {
      var none = (r.notes && r.notes[0]) || "no change of representation is recorded between these two states";
      say(none.charAt(0).toUpperCase() + none.slice(1) + ".");
      el.append("p").text("(" + none + ")");
      table("Representation", ["date", "sending", "receiving", "level", "status"], []);
      return;
    }
    var directions = d3.set(rows.map(function (x) { return x.sending + " → " + x.receiving; })).values().sort();
    var first = d3.min(rows, function (x) { return day(x.date); });
    var last = new Date(Math.max(Date.now(), d3.max(rows, function (x) { return day(x.date); }).getTime()));
    var width = $("timeline").clientWidth || 480, left = 90, right = 20, band = 60;
    var levels = d3.set(rows.map(function (x) { return x.level; })).values().sort();
    var height = 58 + band * directions.length;  // the lanes, the axis, the levels' colours
    var x = d3.time.scale().domain([first, last]).range([left, width - right]).nice();
    var svg = el.append("svg").attr("viewBox", "0 0 " + width + " " + height).attr("height", height);
    var legend = svg.append("g").attr("class", "legend").attr("transform", "translate(8," + (height - 6) + ")");
    var at = 0;  // each level's colour, then its name, one after the other
    levels.forEach(function (l) {
      legend.append("circle").attr("cx", at).attr("cy", -4).attr("r", 5).attr("fill", colour("level " + l));
      var name = legend.append("text").attr("x", at + 8).attr("y", 0).text(levelName(l));
      at += 24 + name.node().getComputedTextLength();
    });
    svg.append("g").attr("class", "axis").attr("transform", "translate(0," + (height - 43) + ")")
      .call(d3.svg.axis().scale(x).orient("bottom").ticks(6));
    directions.forEach(function (dir, i) {
      var y = 10 + i * band, lane = rows.filter(function (x) { return x.sending + " → " + x.receiving === dir; });
      svg.append("text").attr("x", 4).attr("y", y + 20).text(dir);
      var effective = lane.filter(function (x) { return x.status === "effective"; });
      // An observation is a point: the level seen that year, not a change, and no span after it.
      lane.filter(function (x) { return x.status === "observed"; }).forEach(function (o) {
        svg.append("circle").attr("class", "observed").attr("cx", x(day(o.date))).attr("cy", y + 17).attr("r", 5)
          .attr("fill", colour("level " + o.level))
          .append("title").text(levelName(o.level) + " observed in " + o.date + " (" + o.source + ")");
      });
      effective.forEach(function (e, k) {
        var from = x(day(e.date)), to = k + 1 < effective.length ? x(day(effective[k + 1].date)) : x(last);
        svg.append("rect").attr("x", from).attr("y", y + 8).attr("width", Math.max(2, to - from)).attr("height", 18)
          .attr("fill", colour("level " + e.level)).append("title").text(levelName(e.level) + " since " + e.date);
        var narrow = to - from < 110;  // too short to hold its name: the name above it, ending with it
        svg.append("text").attr("x", narrow ? to : from + 4).attr("y", narrow ? y + 4 : y + 21)
          .attr("text-anchor", narrow ? "end" : "start").attr("class", "level").text(levelName(e.level));
      });
      lane.filter(function (x) { return x.status !== "effective" && x.status !== "observed"; }).forEach(function (p) {
        var px = x(day(p.date));
        svg.append("path").attr("class", "pending").attr("d", "M" + px + "," + (y + 4) + "l7,13l-7,13l-7,-13z")
          .append("title").text(levelName(p.level) + " " + p.status + " on " + p.date);
        svg.append("text").attr("class", "pending-label").attr("x", px - 6).attr("y", y + 44).attr("text-anchor", "end")
          .text(levelName(p.level) + " (" + p.status + ")");
      });
    });
    table("Representation between " + $("relation-a").value + " and " + $("relation-b").value,
          ["date", "sending", "receiving", "level", "previous_level", "status", "event", "source"],
          rows.map(function (x) {
            return Object.assign({}, x, { level: levelName(x.level), previous_level: x.previous_level && levelName(x.previous_level) });
          }));
    var observed = rows.filter(function (x) { return x.status === "observed"; }).length;
    say([observed ? observed + " observed level(s): dots, the level seen that year, in the colour of its level (not a change)." : "",
         r.pending.length ? r.pending.length + " pending change(s): marked ◆ on the timeline." : ""].join(" ").trim());
  }

  // ------------------------------------------------------------------ the shortest chain

  $("path-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var from = named($("path-from").value.trim()), to = named($("path-to").value.trim());
    ask("path", { from: from, to: to, via: $("path-people").checked ? "person" : "any" }).then(function (a) {
      say(a.rows.length ? "A chain of " + a.rows.length + " meeting(s)." : (a.notes[0] || "No chain."));
      table("Chain of meetings", ["hop", "actor_label", "other_label", "date", "event"], a.rows);
    }, function () {});
  });
}());
