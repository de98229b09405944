#include "converters/coded.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace diplograph::detail {

bool apply_cameo(std::string_view code, const Cameo& cameo, EventRecord& rec) {
  const CameoCode* c = cameo.find(code);
  if (!c) return false;
  rec.event_class = c->event_class;
  rec.cameo_code = c->code;
  rec.goldstein = c->goldstein;
  rec.label = coded_label(cameo, rec);
  return true;
}

void coded_roles(EventRecord& rec) {
  const bool visit = rec.cameo_code == "042";
  const bool host = rec.cameo_code == "043";
  for (std::size_t i = 0; i < rec.participants.size(); ++i) {
    auto& p = rec.participants[i];
    if (p.side == Side::none) p.side = i == 0 ? Side::source : Side::target;
    if (!p.role.empty()) continue;
    const bool source = p.side == Side::source;
    p.role = visit  ? (source ? "visitor" : "host")
             : host ? (source ? "host" : "visitor")
                    : std::string(side_name(p.side));
  }
}

std::string coded_label(const Cameo& cameo, const EventRecord& rec) {
  const CameoCode* c = cameo.find(rec.cameo_code);
  std::string label = c ? c->label : rec.cameo_code;
  for (std::size_t i = 0; i < rec.participants.size(); ++i) {
    label += i == 0 ? ": " : " and ";
    label += rec.participants[i].name;
  }
  return label;
}

}  // namespace diplograph::detail

namespace diplograph::detail {

std::vector<std::string_view> split_any(std::string_view text, std::string_view separators) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && separators.find(text[i]) == std::string_view::npos) continue;
    if (i > start) out.push_back(text.substr(start, i - start));
    start = i + 1;
  }
  return out;
}

namespace {

// Two to six words, each capitalised or a particle ("Staffan de Mistura"), no digits and no
// acronyms ("G7", "UN"; initials "C.P." and regnal numbers "II" are a person's).
bool reads_as_person(std::string_view name) {
  static constexpr std::array<std::string_view, 13> kParticles{"de", "da", "di", "van", "von", "der", "del",
                                                               "la", "le", "al", "bin", "ibn", "of"};
  const auto words = split_any(name, " ");  // hyphens kept: "al-Assad", "Kim Jong-Un"
  if (words.size() < 2 || words.size() > 6) return false;
  for (auto w : words) {
    const auto first = static_cast<unsigned char>(w[0]);
    const bool particle = std::find(kParticles.begin(), kParticles.end(), w) != kParticles.end() ||
                          w.starts_with("al-") || w.starts_with("el-");
    const bool capital = std::isupper(first) || first >= 0x80;
    const bool acronym = w.size() > 1 && w.find('.') == std::string_view::npos &&
                         w.find_first_not_of("IVX") != std::string_view::npos &&
                         std::none_of(w.begin(), w.end(),
                                      [](char ch) { return std::islower(static_cast<unsigned char>(ch)); });
    if ((!particle && !capital) || acronym || w.find_first_of("0123456789") != std::string_view::npos)
      return false;
  }
  return true;
}

}  // namespace

ActorKind name_kind(std::string_view name, bool placed, const ActorWords& words) {
  bool person = reads_as_person(name);
  bool body = false;
  for (auto w : split_any(name, " /,-")) {
    const auto e = words.evidence(w);
    body = body || e == "body";
    person = person && e != "body" && e != "not-person";
  }
  if (person) return ActorKind::person;
  return body || placed ? ActorKind::organization : ActorKind::actor;
}

}  // namespace diplograph::detail
