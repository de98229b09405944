// Private to the converters: each input format's reader and sniffer, listed in formats.cpp.
#pragma once

#include "diplograph/convert.hpp"

namespace diplograph {

std::unique_ptr<RecordReader> open_jsonl(std::istream& in, const ReaderContext& ctx);
bool sniff_jsonl(std::string_view head);
std::unique_ptr<RecordReader> open_csv(std::istream& in, const ReaderContext& ctx);
bool sniff_csv(std::string_view head);
std::unique_ptr<RecordReader> open_gdelt(std::istream& in, const ReaderContext& ctx);
bool sniff_gdelt(std::string_view head);
std::unique_ptr<RecordReader> open_icews(std::istream& in, const ReaderContext& ctx);
bool sniff_icews(std::string_view head);
std::unique_ptr<RecordReader> open_cow_dipex(std::istream& in, const ReaderContext& ctx);
bool sniff_cow_dipex(std::string_view head);
std::unique_ptr<RecordReader> open_polecat(std::istream& in, const ReaderContext& ctx);
bool sniff_polecat(std::string_view head);

/// The kinds of participant a native record (JSONL, CSV) may name: person, state, organization;
/// nullopt for any other text, which the reader refuses with kKindsNamed.
[[nodiscard]] std::optional<ActorKind> record_kind(std::string_view text);
inline constexpr std::string_view kKindsNamed = "(person, state, organization)";

}  // namespace diplograph
