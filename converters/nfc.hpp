// Unicode Normalization Form C (converters only: IRIs are minted from NFC names).
#pragma once

#include <string>
#include <string_view>

namespace diplograph::detail {

/// `utf8` in NFC; as it is when ICU cannot read it.
[[nodiscard]] std::string nfc(std::string_view utf8);

}  // namespace diplograph::detail
