#include "cli/declared.hpp"

namespace diplograph::cli {

namespace po = boost::program_options;

Declared::Declared(const QuestionSpec& spec, std::string_view positional)
    : spec_(spec),
      positional_(positional),
      values_(spec.options.size()),
      lists_(spec.options.size()),
      flags_(std::make_unique<bool[]>(spec.options.size())) {}

void Declared::add(po::options_description& opts) {
  for (std::size_t i = 0; i < spec_.options.size(); ++i) {
    if (spec_.options[i].name != positional_) add_one(opts, i);
  }
}

Given Declared::given() const {
  Given g;
  for (std::size_t i = 0; i < spec_.options.size(); ++i) {
    const std::string_view name = spec_.options[i].name;
    if (!values_[i].empty()) g.add(name, values_[i]);
    for (const auto& v : lists_[i]) g.add(name, v);
    if (flags_[i]) g.add(name, "1");
  }
  return g;
}

void Declared::add_one(po::options_description& opts, std::size_t i) {
  const OptionSpec& o = spec_.options[i];
  const std::string name(o.name), help(o.help);
  if (o.kind == OptionKind::flag) {
    opts.add_options()(name.c_str(), po::bool_switch(&flags_[i]), help.c_str());
    return;
  }
  if (o.kind == OptionKind::list) {
    opts.add_options()(name.c_str(), po::value(&lists_[i]), help.c_str());
    return;
  }
  auto* value = po::value(&values_[i]);
  if (!o.fallback.empty()) value->default_value(std::string(o.fallback));
  if (o.required) value->required();
  opts.add_options()(name.c_str(), value, help.c_str());
}

std::string synopsis(const QuestionSpec& spec) {
  std::string out = "diplograph query " + std::string(spec.name);
  for (const OptionSpec& o : spec.options) {
    std::string one = "--" + std::string(o.name);
    if (!o.values.empty()) one += " " + std::string(o.values);
    out += o.required ? " " + one : " [" + one + "]";
    if (o.kind == OptionKind::list) out += "...";
  }
  return out + " GRAPH...";
}

}  // namespace diplograph::cli
