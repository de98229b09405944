// Unicode Normalization Form C (ICU, from Debian; the only user of ICU), so that "Erdoğan" typed
// with a combining breve and with the precomposed letter is one IRI, and one name when asked for.
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <vector>

#include "diplograph/text.hpp"

namespace diplograph::text {

std::string nfc(std::string_view utf8) {
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80U; }))
    return std::string(utf8);  // ASCII is already NFC
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* form = unorm2_getNFCInstance(&status);
  std::vector<UChar> in(utf8.size() + 1), out(2 * utf8.size() + 16);
  int32_t in_len = 0;
  u_strFromUTF8(in.data(), static_cast<int32_t>(in.size()), &in_len, utf8.data(),
                static_cast<int32_t>(utf8.size()), &status);
  const int32_t out_len =
      unorm2_normalize(form, in.data(), in_len, out.data(), static_cast<int32_t>(out.size()), &status);
  std::string result(static_cast<std::size_t>(out_len) * 3 + 4, '\0');
  int32_t bytes = 0;
  u_strToUTF8(result.data(), static_cast<int32_t>(result.size()), &bytes, out.data(), out_len, &status);
  if (U_FAILURE(status)) return std::string(utf8);  // invalid input was rejected before; keep it as it is
  result.resize(static_cast<std::size_t>(bytes));
  return result;
}

}  // namespace diplograph::text
