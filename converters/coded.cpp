#include "converters/coded.hpp"

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
    if (p.side.empty()) p.side = i == 0 ? "source" : "target";
    if (!p.role.empty()) continue;
    const bool source = p.side == "source";
    p.role = visit ? (source ? "visitor" : "host") : host ? (source ? "host" : "visitor") : p.side;
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
