#include <uriparser/Uri.h>

#include <filesystem>
#include <memory>

#include "rdf/text.hpp"

namespace diplograph::detail {

namespace {

// uriparser's results point into the text they were parsed from: the owner keeps it.
struct UriOwner {
  std::string text;
  UriUriA uri{};
  bool parsed = false;
  UriOwner() = default;
  UriOwner(const UriOwner&) = delete;  // uri points into text: a copy would free it twice
  UriOwner& operator=(const UriOwner&) = delete;
  ~UriOwner() {
    if (parsed) uriFreeUriMembersA(&uri);
  }
};

bool parse(UriOwner& out, std::string_view text) {
  const char* error = nullptr;
  out.text.assign(text);
  out.parsed = uriParseSingleUriA(&out.uri, out.text.c_str(), &error) == URI_SUCCESS;
  return out.parsed;
}

std::optional<std::string> to_string(const UriUriA& uri) {
  int chars = 0;
  if (uriToStringCharsRequiredA(&uri, &chars) != URI_SUCCESS) return std::nullopt;
  std::string out(static_cast<std::size_t>(chars) + 1, '\0');
  if (uriToStringA(out.data(), &uri, chars + 1, nullptr) != URI_SUCCESS) return std::nullopt;
  out.resize(static_cast<std::size_t>(chars));
  return out;
}

}  // namespace

std::optional<std::string> resolve_iri(std::string_view base, std::string_view ref) {
  UriOwner b;
  UriOwner r;
  if (!parse(b, base) || !parse(r, ref)) return std::nullopt;
  UriOwner out;
  if (uriAddBaseUriExA(&out.uri, &r.uri, &b.uri, URI_RESOLVE_STRICTLY) != URI_SUCCESS) {
    return std::nullopt;
  }
  out.parsed = true;
  return to_string(out.uri);
}

std::string file_uri(std::string_view path) {
  std::error_code ec;
  auto abs = std::filesystem::absolute(std::filesystem::path(path), ec);
  const std::string p = ec ? std::string(path) : abs.lexically_normal().string();
  return "file://" + percent_encode(p, "/-._~");
}

}  // namespace diplograph::detail

namespace diplograph {

std::string absolute_iri_problem(std::string_view iri) {
  if (!text::has_scheme(iri)) return "not an absolute IRI (it needs a scheme, such as https:)";
  for (unsigned char c : iri) {
    if (c <= 0x20 || std::string_view("<>\"{}|\\^`").find(static_cast<char>(c)) != std::string_view::npos) {
      std::string shown = c == ' '   ? "a space"
                          : c < 0x20 ? "a control character"
                                     : std::string("'") + char(c) + "'";
      return "holds " + shown + ", which an IRI may not (percent-encode it)";
    }
  }
  if (!text::valid_unicode(iri)) return "not valid UTF-8";
  // uriparser reads ASCII URIs: non-ASCII letters (allowed in IRIs) are checked as if encoded.
  detail::UriOwner u;
  if (!detail::parse(u, text::percent_encode(iri, ":/?#[]@!$&'()*+,;=-._~%")))
    return "not a valid IRI (RFC 3987)";
  return {};
}

}  // namespace diplograph
