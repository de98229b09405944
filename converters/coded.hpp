// Private to the converters: what the CAMEO-coded formats (GDELT, ICEWS) share.
#pragma once

#include <string>
#include <string_view>

#include "diplograph/convert.hpp"

namespace diplograph::detail {

/// Sets the event class, CAMEO code and Goldstein score from a CAMEO event code; false when
/// the code is not in the CAMEO table.
bool apply_cameo(std::string_view code, const Cameo& cameo, EventRecord& rec);

/// Roles of a coded event's two actors: 042 (make a visit) has the first as visitor and the
/// second as host, 043 (host a visit) the reverse, every other code source and target.
void coded_roles(EventRecord& rec);

/// A record label from the CAMEO label and the participants' names.
std::string coded_label(const Cameo& cameo, const EventRecord& rec);

}  // namespace diplograph::detail
