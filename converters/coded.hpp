// Private to the converters: what the CAMEO-coded formats (GDELT, ICEWS) share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diplograph/convert.hpp"

namespace diplograph::detail {

/// Sets the event class, CAMEO code and Goldstein score from a CAMEO event code; false when
/// the code is not in the CAMEO table.
bool apply_cameo(std::string_view code, const Cameo& cameo, EventRecord& rec);

/// Roles of a coded event's two actors: 042 (make a visit) has the first as visitor and the
/// second as host, 043 (host a visit) the reverse, every other code source and target.
void coded_roles(EventRecord& rec);

/// The non-empty runs of `text` between any of the `separators`.
std::vector<std::string_view> split_any(std::string_view text, std::string_view separators);

/// The kind of an actor known by its name alone: "person" when the name reads as a person's
/// (two to six capitalised words, no acronym, no word naming a body); else "organization" when
/// a word names a body ("Union", "Party") or the row places it (`placed`: a country or a
/// sector); else "actor" ("Unidentified State Actor" could be anything).
ActorKind name_kind(std::string_view name, bool placed, const ActorWords& words);

/// A record label from the CAMEO label and the participants' names.
std::string coded_label(const Cameo& cameo, const EventRecord& rec);

}  // namespace diplograph::detail
