// The input formats `convert` reads: one row each. Adding a converter adds a row here.
#include <algorithm>
#include <array>
#include <string>

#include "converters/readers.hpp"
#include "diplograph/error.hpp"
#include "diplograph/text.hpp"

namespace diplograph {

namespace {

// The table, made on first use: a table of namespace scope could throw before main.
const std::array<InputFormat, 6>& formats() {
  static const std::array<InputFormat, 6> table{{
      {"jsonl", {".jsonl", ".ndjson"}, sniff_jsonl, open_jsonl},
      {"csv", {".csv"}, sniff_csv, open_csv},
      {"gdelt", {".export.csv", ".csv"}, sniff_gdelt, open_gdelt},
      {"polecat", {".txt"}, sniff_polecat, open_polecat},
      {"icews", {".tab", ".tsv"}, sniff_icews, open_icews},
      {"cow-dipex", {".csv"}, sniff_cow_dipex, open_cow_dipex},  // after csv: a bare .csv is a record file
  }};
  return table;
}

}  // namespace

std::string input_format_names() {
  std::string out;
  for (const auto& f : formats()) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

const InputFormat* input_format(std::string_view name) {
  for (const auto& f : formats()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

const InputFormat* input_format_option(std::string_view name, std::string_view option) {
  const std::string typed = text::ascii_lower(text::trim_blanks(name));  // "GDELT", " icews"
  if (typed == "auto") return nullptr;
  if (const InputFormat* f = input_format(typed)) return f;
  throw OptionError(option_ref(option) + " takes " + input_format_names() + " or auto, not \"" +
                    std::string(name) + "\"");
}

char delimiter_option(std::string_view name) {
  if (text::ascii_lower(name) == "tab" || name == "\\t" || name == "\t") return '\t';
  if (name.size() == 1 && std::string_view(",;|:").find(name[0]) != std::string_view::npos) return name[0];
  throw OptionError(option_ref("delimiter") + " takes ',', ';', '|', ':' or tab, not \"" + std::string(name) +
                    "\"");
}

const InputFormat* detect_input_format(std::string_view path, std::string_view head) {
  const std::string p = text::ascii_lower(path);
  for (const auto& f : formats()) {
    for (auto ext : f.extensions) {
      if (p.ends_with(ext) && f.sniff(head)) return &f;
    }
  }
  for (const auto& f : formats()) {
    if (f.sniff(head)) return &f;
  }
  // The extension alone: a bad first record is the reader's to report, not a format question.
  for (const auto& f : formats()) {
    for (auto ext : f.extensions) {
      if (p.ends_with(ext)) return &f;
    }
  }
  return nullptr;
}

}  // namespace diplograph
