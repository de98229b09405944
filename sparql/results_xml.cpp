// The SPARQL Query Results XML Format (https://www.w3.org/TR/rdf-sparql-XMLres/): sparql/results/
// result/binding elements, each binding holding a uri, a literal (xml:lang or datatype) or a bnode.
// A reader of that one document, not of XML at large: no DTD, no entities beyond XML's five and
// character references; text is read in place and decoded only where it holds a reference.
#include <algorithm>
#include <cctype>

#include "diplograph/sparql.hpp"
#include "diplograph/text.hpp"
#include "sparql/results.hpp"

namespace diplograph {

namespace {

struct Tag {
  std::string_view name;   ///< the local name (after a namespace prefix)
  std::string_view attrs;  ///< the raw attributes
  bool closing = false;    ///< </name>
  bool empty = false;      ///< <name/>
};

class XmlResults {
 public:
  XmlResults(std::string_view doc, std::string_view where) : doc_(doc), where_(where) {}
  void read(const std::vector<std::string>& vars, const BindingFn& row);

 private:
  [[noreturn]] void malformed(const std::string& what) const;
  void skip_space();
  void skip_misc();
  Tag next_tag();
  std::size_t tag_end() const;
  void expect_close(std::string_view name);
  void skip_element(const Tag& open);
  std::string_view attribute(const Tag& t, std::string_view name, std::string& buf) const;
  std::string_view text(std::string& buf);
  void decode(std::string_view raw, std::string& out) const;
  void results(const std::vector<std::string>& vars, const BindingFn& row);
  void result(const std::vector<std::string>& vars);
  void binding(const Tag& t, const std::vector<std::string>& vars);
  TermRef term(const Tag& t, std::size_t slot);

  std::string_view doc_, where_;
  std::size_t at_ = 0;
  std::vector<TermRef> terms_;
  std::vector<std::string> owned_;  // decoded text, three per variable (value, language, datatype)
};

void XmlResults::malformed(const std::string& what) const {
  const auto line = 1 + std::count(doc_.begin(), doc_.begin() + static_cast<std::ptrdiff_t>(at_), '\n');
  throw StoreError(std::string(where_) + ": not a SPARQL XML results document: " + what + " (line " +
                   std::to_string(line) + " of the answer)");
}

void XmlResults::skip_space() {
  while (at_ < doc_.size() &&
         (doc_[at_] == ' ' || doc_[at_] == '\n' || doc_[at_] == '\r' || doc_[at_] == '\t'))
    ++at_;
}

// Whitespace, the XML declaration, processing instructions and comments.
void XmlResults::skip_misc() {
  for (;;) {
    skip_space();
    const auto rest = doc_.substr(at_);
    const std::string_view end = rest.starts_with("<?") ? "?>" : rest.starts_with("<!--") ? "-->" : "";
    if (end.empty()) {
      if (rest.starts_with("<!")) malformed("a DTD or declaration, which a results document does not hold");
      return;
    }
    const auto close = rest.find(end, 2);
    if (close == std::string_view::npos) malformed("\"" + std::string(end) + "\" missing");
    at_ += close + end.size();
  }
}

Tag XmlResults::next_tag() {
  skip_misc();
  if (at_ >= doc_.size()) malformed("it ends inside an element");
  if (doc_[at_] != '<') malformed("text where an element was expected");
  const auto close = tag_end();
  std::string_view inside = doc_.substr(at_ + 1, close - at_ - 1);
  at_ = close + 1;
  Tag t;
  t.closing = inside.starts_with('/');
  if (t.closing) inside.remove_prefix(1);
  t.empty = !t.closing && inside.ends_with('/');
  if (t.empty) inside.remove_suffix(1);
  const auto name_end = std::min(inside.find_first_of(" \t\r\n"), inside.size());
  t.name = inside.substr(0, name_end);
  t.attrs = inside.substr(name_end);
  if (const auto colon = t.name.rfind(':'); colon != std::string_view::npos) t.name.remove_prefix(colon + 1);
  if (t.name.empty()) malformed("a tag without a name");
  return t;
}

// Where the tag at at_ ends ('>' outside its attributes' quotes).
std::size_t XmlResults::tag_end() const {
  char quote = 0;
  for (std::size_t i = at_ + 1; i < doc_.size(); ++i) {
    const char c = doc_[i];
    if (quote) {
      quote = c == quote ? 0 : quote;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i;
    }
  }
  malformed("a tag is not closed");
}

void XmlResults::expect_close(std::string_view name) {
  const Tag t = next_tag();
  if (!t.closing || t.name != name) malformed("</" + std::string(name) + "> expected");
}

// Past the element `open` begins, whatever it holds.
void XmlResults::skip_element(const Tag& open) {
  for (int depth = open.empty ? 0 : 1; depth > 0;) {
    const auto lt = doc_.find('<', at_);
    if (lt == std::string_view::npos) malformed("<" + std::string(open.name) + "> is not closed");
    at_ = lt;
    const auto rest = doc_.substr(at_);
    const std::string_view end = rest.starts_with("<![CDATA[") ? "]]>"
                                 : rest.starts_with("<!--")    ? "-->"
                                 : rest.starts_with("<?")      ? "?>"
                                                               : "";
    if (!end.empty()) {
      const auto past = rest.find(end, 2);
      if (past == std::string_view::npos) malformed("\"" + std::string(end) + "\" missing");
      at_ += past + end.size();
      continue;
    }
    const Tag t = next_tag();
    depth += t.closing ? -1 : t.empty ? 0 : 1;
  }
}

// The value of attribute `name` (exactly as spelt, prefix included), decoded; empty when absent.
std::string_view XmlResults::attribute(const Tag& t, std::string_view name, std::string& buf) const {
  std::string_view a = t.attrs;
  while (!a.empty()) {
    const auto start = a.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) break;
    a.remove_prefix(start);
    const auto eq = a.find('=');
    if (eq == std::string_view::npos || eq + 1 >= a.size() || (a[eq + 1] != '"' && a[eq + 1] != '\''))
      malformed("an attribute of <" + std::string(t.name) + "> is not name=\"value\"");
    const auto end = a.find(a[eq + 1], eq + 2);
    if (end == std::string_view::npos) malformed("an attribute's value is not closed");
    std::string_view key = a.substr(0, eq);
    while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.remove_suffix(1);
    if (key == name) {
      buf.clear();
      decode(a.substr(eq + 2, end - eq - 2), buf);
      return buf;
    }
    a.remove_prefix(end + 1);
  }
  return {};
}

// The character data up to the next tag: in place when it holds no reference or CDATA section.
std::string_view XmlResults::text(std::string& buf) {
  buf.clear();
  const std::size_t from = at_;
  bool copied = false;
  for (;;) {
    const auto lt = std::min(doc_.find('<', at_), doc_.size());
    const auto raw = doc_.substr(at_, lt - at_);
    if (!copied && lt < doc_.size() && !doc_.substr(lt).starts_with("<![CDATA[") &&
        raw.find('&') == std::string_view::npos && raw.find('\0') == std::string_view::npos) {
      at_ = lt;
      return doc_.substr(from, lt - from);
    }
    copied = true;
    decode(raw, buf);
    at_ = lt;
    if (!doc_.substr(at_).starts_with("<![CDATA[")) return buf;
    const auto end = doc_.find("]]>", at_ + 9);
    if (end == std::string_view::npos) malformed("a CDATA section is not closed");
    const auto section = doc_.substr(at_ + 9, end - at_ - 9);
    if (section.find('\0') != std::string_view::npos) malformed("a NUL byte");
    buf.append(section);
    at_ = end + 3;
  }
}

// Appends `raw` to `out` with its references replaced (&lt; &gt; &amp; &quot; &apos; &#N; &#xN;).
void XmlResults::decode(std::string_view raw, std::string& out) const {
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\0') malformed("a NUL byte");
    if (raw[i] != '&') {
      out += raw[i];
      continue;
    }
    const auto semi = raw.find(';', i);
    if (semi == std::string_view::npos) malformed("an '&' that begins no reference");
    const auto ref = raw.substr(i + 1, semi - i - 1);
    i = semi;
    static constexpr std::pair<std::string_view, char> named[] = {
        {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
    const auto* hit =
        std::find_if(std::begin(named), std::end(named), [&](const auto& n) { return n.first == ref; });
    if (hit != std::end(named)) {
      out += hit->second;
      continue;
    }
    const bool hex = ref.starts_with("#x");
    const auto digits = ref.substr(hex ? 2 : 1);
    char32_t c = 0;
    for (const char d : digits) {
      const int v = std::isxdigit(static_cast<unsigned char>(d)) == 0 ? -1
                    : d <= '9'                                        ? d - '0'
                                                                      : (d | 0x20) - 'a' + 10;
      if (v < 0 || v >= (hex ? 16 : 10) || c > 0x10FFFF)
        malformed("an unknown reference &" + std::string(ref) + ";");
      c = c * (hex ? 16 : 10) + static_cast<char32_t>(v);
    }
    if (!ref.starts_with('#') || digits.empty() || c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
      malformed("an unknown reference &" + std::string(ref) + ";");
    text::append_utf8(out, c);
  }
}

void XmlResults::read(const std::vector<std::string>& vars, const BindingFn& row) {
  terms_.assign(vars.size(), TermRef{});
  owned_.assign(vars.size() * 3, std::string());
  const Tag top = next_tag();
  if (top.closing || top.name != "sparql") malformed("<sparql> expected first");
  bool found = false;
  while (!top.empty) {
    const Tag t = next_tag();
    if (t.closing && t.name == "sparql") break;
    if (t.closing) malformed("</" + std::string(t.name) + "> unexpected");
    if (t.name == "boolean") malformed("an ASK answer (true or false), not rows");
    if (t.name != "results") {
      skip_element(t);
      continue;
    }
    found = true;
    if (!t.empty) results(vars, row);
  }
  if (!found) malformed("no <results> element");
  skip_misc();
  if (at_ != doc_.size()) malformed("more after </sparql>");
}

void XmlResults::results(const std::vector<std::string>& vars, const BindingFn& row) {
  for (;;) {
    const Tag t = next_tag();
    if (t.closing && t.name == "results") return;
    if (t.closing || t.name != "result") malformed("<result> expected in <results>");
    std::fill(terms_.begin(), terms_.end(), TermRef{});
    if (!t.empty) result(vars);
    row(terms_);
  }
}

void XmlResults::result(const std::vector<std::string>& vars) {
  for (;;) {
    const Tag t = next_tag();
    if (t.closing && t.name == "result") return;
    if (t.closing || t.name != "binding") malformed("<binding> expected in <result>");
    binding(t, vars);
  }
}

void XmlResults::binding(const Tag& t, const std::vector<std::string>& vars) {
  std::string name_buf;
  const std::string_view name = attribute(t, "name", name_buf);
  if (name.empty() || t.empty) malformed("a <binding> without a name or a value");
  const auto at = std::find(vars.begin(), vars.end(), name);
  const Tag value = next_tag();
  if (value.closing) malformed("a <binding> without a value");
  if (at == vars.end()) {
    skip_element(value);
  } else {
    const auto slot = static_cast<std::size_t>(at - vars.begin());
    terms_[slot] = term(value, slot);
  }
  expect_close("binding");
}

TermRef XmlResults::term(const Tag& t, std::size_t slot) {
  if (t.name != "uri" && t.name != "bnode" && t.name != "literal")
    malformed("unknown term <" + std::string(t.name) + ">");
  std::string_view value;
  if (!t.empty) {
    value = text(owned_[slot * 3]);
    expect_close(t.name);
  }
  if (t.name == "uri") return TermRef::iri(value);
  if (t.name == "bnode") return TermRef::blank(value);
  return sparql::result_literal(value, attribute(t, "xml:lang", owned_[slot * 3 + 1]),
                                attribute(t, "datatype", owned_[slot * 3 + 2]));
}

}  // namespace

void read_sparql_xml(std::string_view document, const std::vector<std::string>& vars, const BindingFn& row,
                     std::string_view where) {
  XmlResults(document, where).read(vars, row);
}

void read_sparql_results(std::string_view document, std::string_view media_type,
                         const std::vector<std::string>& vars, const BindingFn& row, std::string_view where) {
  bool xml = media_type.find("xml") != std::string_view::npos;
  if (media_type.find("json") == std::string_view::npos && !xml) {  // none said: the first character tells
    const auto first = document.find_first_not_of(" \t\r\n");
    xml = first != std::string_view::npos && document[first] == '<';
  }
  if (xml) return read_sparql_xml(document, vars, row, where);
  read_sparql_json(document, vars, row, where);
}

}  // namespace diplograph
