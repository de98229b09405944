#include <cstdio>

#include "diplograph/rdf.hpp"
#include "diplograph/vocab.hpp"
#include "rdf/escape.hpp"

namespace diplograph {

namespace {

void escape_into(std::string& out, std::string_view s, bool iri) {
  for (unsigned char c : s) {
    if (iri) {
      if (c <= 0x20U ||
          std::string_view("<>\"{}|^`\\").find(static_cast<char>(c)) != std::string_view::npos) {
        char buf[12];
        std::snprintf(buf, sizeof buf, "\\u%04X", c);
        out += buf;
      } else {
        out += static_cast<char>(c);
      }
      continue;
    }
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (c < 0x20U || c == 0x7FU) {
        char buf[12];
        std::snprintf(buf, sizeof buf, "\\u%04X", c);
        out += buf;
      } else {
        out += static_cast<char>(c);
      }
    }
  }
}

}  // namespace

std::string detail::quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  escape_into(out, s, false);
  out += '"';
  return out;
}

std::string to_ntriples(TermRef t) {
  std::string out;
  switch (t.kind) {
  case TermKind::iri:
    out += '<';
    escape_into(out, t.value, true);
    out += '>';
    break;
  case TermKind::blank:
    out += "_:";
    out += t.value;
    break;
  case TermKind::literal:
    out += '"';
    escape_into(out, t.value, false);
    out += '"';
    if (!t.lang.empty()) {
      out += '@';
      out += t.lang;
    } else if (!t.datatype.empty() && t.datatype != vocab::xsd_string) {
      out += "^^<";
      escape_into(out, t.datatype, true);
      out += '>';
    }
    break;
  case TermKind::none:
    break;
  }
  return out;
}

}  // namespace diplograph
