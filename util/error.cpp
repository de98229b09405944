#include "diplograph/error.hpp"

namespace diplograph {

std::string Diagnostic::str() const {
  std::string s = where.file.empty() ? std::string("-") : where.file;
  if (where.line) {
    s += ':' + std::to_string(where.line);
    if (where.column) s += ':' + std::to_string(where.column);
  }
  return s + ": " + message;
}

namespace {

// NAME or NAME=VALUE, NAME in lower-case letters, digits and dashes.
bool is_reference(std::string_view ref) {
  const std::string_view name = ref.substr(0, ref.find('='));
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

}  // namespace

std::string option_ref(std::string_view name, std::string_view value) {
  return "{{" + std::string(name) + (value.empty() ? "" : "=") + std::string(value) + "}}";
}

std::string spelled_out(std::string_view message, const Spelling& spelling) {
  std::string out;
  for (;;) {
    const auto open = message.find("{{");
    const auto close = open == std::string_view::npos ? open : message.find("}}", open + 2);
    if (close == std::string_view::npos) return out.append(message);
    const std::string_view ref = message.substr(open + 2, close - open - 2);
    if (!is_reference(ref)) {  // text that happens to hold braces (a label, a value) stays as it is
      out.append(message.substr(0, open + 2));
      message.remove_prefix(open + 2);
      continue;
    }
    out.append(message.substr(0, open));
    if (ref == "actors" || ref == "actors-search")
      out += spelling.actors(ref == "actors-search");
    else if (const auto eq = ref.find('='); eq != std::string_view::npos)
      out += spelling.option(ref.substr(0, eq), ref.substr(eq + 1));
    else
      out += spelling.option(ref, {});
    message.remove_prefix(close + 2);
  }
}

InputError::InputError(Diagnostic d) : std::runtime_error(d.str()), diag_(std::move(d)) {}

}  // namespace diplograph
