// Finding an index file's sections in its mapped bytes.
#include "indexfile/layout.hpp"

#include <sys/mman.h>

#include <cerrno>
#include <cstring>

namespace diplograph::idx {

Mapping::Mapping(int fd, std::size_t size) : size_(size) {
  if (size == 0) return;
  at_ = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
  if (at_ == MAP_FAILED) {
    at_ = nullptr;
    throw std::runtime_error(std::string("cannot map the index: ") + std::strerror(errno));
  }
}

Mapping::~Mapping() {
  if (at_) ::munmap(at_, size_);
}

std::string_view Layout::section(std::uint32_t id, std::size_t element) const {
  for (const Entry& e : table) {
    if (e.id != id) continue;
    if (e.element != element)
      throw CorruptIndex("section " + std::to_string(id) + " has values of another size");
    return file.substr(e.offset, e.bytes);  // bounds checked when the table was read
  }
  throw CorruptIndex("section " + std::to_string(id) + " is missing");
}

Graph Layout::graph() const {
  Graph g;
  g.text = section(Section::text, 1);
  const auto starts = section(Section::term_starts, 8);
  const auto spo_starts = section(Section::spo_starts, 4);  // a start per term and one more
  const auto pos_starts = section(Section::pos_starts, sizeof(PredicateStart));
  const auto pos_pairs = section(Section::pos, 8);
  if (spo_starts.size() < 4 ||
      starts.size() / 8 != (spo_starts.size() / 4 - 1 + kFrontBlock - 1) / kFrontBlock)
    throw CorruptIndex("the term and statement sections disagree in size");
  g.terms = spo_starts.size() / 4 - 1;
  g.term_starts = reinterpret_cast<const std::uint64_t*>(starts.data());
  g.spo_starts = reinterpret_cast<const std::uint32_t*>(spo_starts.data());
  g.pos_starts = reinterpret_cast<const PredicateStart*>(pos_starts.data());
  g.predicates = pos_starts.size() / sizeof(PredicateStart);
  g.spo.width = pair_width(g.predicates, g.terms);
  g.spo.place_bits = place_bits(g.predicates);
  const auto spo_pairs = section(Section::spo, g.spo.width);
  if (spo_pairs.size() / g.spo.width <
      padding_pairs(g.spo.width))  // a whole number of pairs: checked on opening
    throw CorruptIndex("the statements' pairs are cut short");
  g.spo.at = reinterpret_cast<const unsigned char*>(spo_pairs.data());
  g.statements = spo_pairs.size() / g.spo.width - padding_pairs(g.spo.width);
  g.pos = reinterpret_cast<const std::uint32_t*>(pos_pairs.data());
  g.indexed = pos_pairs.size() / 8;
  return g;
}

std::pair<const void*, std::size_t> LayoutColumns::column(std::uint32_t id, std::size_t element) const {
  const auto bytes = l_.section(Section::columns + id, element);
  return {bytes.data(), bytes.size()};
}

}  // namespace diplograph::idx
