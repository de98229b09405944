// dg_generate: synthetic diplomatic event records at any scale, for benchmarks.
//
//   dg_generate jsonl N [SEED]   native JSON Lines records
//   dg_generate gdelt N [SEED]   GDELT 2.0 events export rows (61 tab-separated columns)
//   dg_generate icews N [SEED]   ICEWS coded-event rows with the ICEWS header; symmetric
//                                interactions written twice, once from each side, as ICEWS
//                                does (the number of such pairs goes to stderr)
//
// Realistic in shape: thousands of actors spread over real states, 2-4 participants per event,
// dates across four decades, the native record types in plausible proportions, topics and
// sources. Deterministic for a given seed.
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

constexpr std::array<const char*, 40> kStates{
    "USA", "RUS", "CHN", "GBR", "FRA", "DEU", "JPN", "IND", "PAK", "AFG", "IRN", "ISR", "EGY", "SAU",
    "TUR", "BRA", "MEX", "ZAF", "NGA", "KEN", "ETH", "KOR", "PRK", "VNM", "IDN", "AUS", "CAN", "ITA",
    "ESP", "POL", "UKR", "QAT", "ARE", "IRQ", "SYR", "JOR", "LBN", "CUB", "VEN", "ARG"};
// The names ICEWS writes for kStates, in the same order.
constexpr std::array<const char*, 40> kStateNames{"United States",
                                                  "Russian Federation",
                                                  "China",
                                                  "United Kingdom",
                                                  "France",
                                                  "Germany",
                                                  "Japan",
                                                  "India",
                                                  "Pakistan",
                                                  "Afghanistan",
                                                  "Iran",
                                                  "Israel",
                                                  "Egypt",
                                                  "Saudi Arabia",
                                                  "Turkey",
                                                  "Brazil",
                                                  "Mexico",
                                                  "South Africa",
                                                  "Nigeria",
                                                  "Kenya",
                                                  "Ethiopia",
                                                  "South Korea",
                                                  "North Korea",
                                                  "Vietnam",
                                                  "Indonesia",
                                                  "Australia",
                                                  "Canada",
                                                  "Italy",
                                                  "Spain",
                                                  "Poland",
                                                  "Ukraine",
                                                  "Qatar",
                                                  "United Arab Emirates",
                                                  "Iraq",
                                                  "Syria",
                                                  "Jordan",
                                                  "Lebanon",
                                                  "Cuba",
                                                  "Venezuela",
                                                  "Argentina"};
constexpr std::array<const char*, 24> kGiven{"Amir",    "Mohammad", "Li",      "Anna",  "John",  "Maria",
                                             "Sergei",  "Fatima",   "Hiroshi", "Priya", "Ahmed", "Elena",
                                             "Carlos",  "Olga",     "David",   "Aisha", "Wang",  "Jean",
                                             "Ibrahim", "Sofia",    "Kim",     "Lars",  "Ngozi", "Omar"};
constexpr std::array<const char*, 24> kFamily{
    "Khan",   "Dar",    "Wei",    "Schmidt", "Smith", "Garcia",     "Ivanov", "Rahman",
    "Tanaka", "Sharma", "Hassan", "Petrova", "Lopez", "Kuznetsova", "Cohen",  "Bello",
    "Yi",     "Dupont", "Musa",   "Rossi",   "Park",  "Nilsson",    "Okafor", "Haddad"};
constexpr std::array<const char*, 12> kTopics{"trade",
                                              "security",
                                              "energy",
                                              "climate",
                                              "migration",
                                              "border management",
                                              "counterterrorism",
                                              "health",
                                              "investment",
                                              "regional connectivity",
                                              "arms control",
                                              "refugee return"};
constexpr std::array<const char*, 6> kTitles{"Foreign Minister",        "President",
                                             "Prime Minister",          "Ambassador",
                                             "Deputy Foreign Minister", "Defence Minister"};

std::uint64_t state = 88172645463325252ULL;
std::uint64_t next() {
  state ^= state << 13U;
  state ^= state >> 7U;
  state ^= state << 17U;
  return state;
}
std::size_t pick(std::size_t n) {
  return static_cast<std::size_t>(next() % n);
}

struct Actor {
  std::string name;
  const char* state;
  const char* title;
};

std::vector<Actor> actors(std::size_t n) {
  std::vector<Actor> out;
  for (std::size_t i = 0; i < n; ++i) {
    std::string name =
        std::string(kGiven[i % kGiven.size()]) + " " + kFamily[(i / kGiven.size()) % kFamily.size()];
    if (i >= kGiven.size() * kFamily.size())
      name += " " + std::to_string(i / (kGiven.size() * kFamily.size()));
    out.push_back({name, kStates[pick(kStates.size())], kTitles[pick(kTitles.size())]});
  }
  return out;
}

std::string date() {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04zu-%02zu-%02zu", 1986 + pick(40), 1 + pick(12), 1 + pick(28));
  return buf;
}

const char* native_type() {
  const std::size_t r = pick(100);
  if (r < 30) return "meeting";
  if (r < 50) return "phone_call";
  if (r < 65) return "visit";
  if (r < 75) return "negotiation";
  if (r < 80) return "agreement";
  if (r < 95) return "statement";
  return "relation_change";
}

void jsonl(std::size_t n) {
  const auto people = actors(6000);
  static const char* levels[] = {"ambassador", "charge_d_affaires", "minister", "none"};
  static const char* statuses[] = {"proposed", "agreed", "effective"};
  for (std::size_t i = 0; i < n; ++i) {
    const char* type = native_type();
    std::printf("{\"id\":\"e%zu\",\"type\":\"%s\",\"date\":\"%s\",\"participants\":[", i, type,
                date().c_str());
    const std::size_t k = 2 + pick(3);
    const char* first_state = nullptr;
    const char* second_state = nullptr;
    for (std::size_t j = 0; j < k; ++j) {
      const Actor& a = people[pick(people.size())];
      if (j == 0) first_state = a.state;
      if (j > 0 && !second_state && a.state != first_state) second_state = a.state;
      std::printf("%s{\"name\":\"%s\",\"state\":\"%s\",\"title\":\"%s\"}", j ? "," : "", a.name.c_str(),
                  a.state, a.title);
    }
    std::printf("],\"topics\":[\"%s\",\"%s\"]", kTopics[pick(kTopics.size())], kTopics[pick(kTopics.size())]);
    if (std::string(type) == "relation_change" && second_state) {
      std::printf(",\"relation\":{\"between\":[\"%s\",\"%s\"],\"level\":\"%s\",\"status\":\"%s\"}",
                  first_state, second_state, levels[pick(4)], statuses[pick(3)]);
    }
    std::printf(",\"source\":{\"url\":\"https://news.example.org/%zu\"}}\n", i);
  }
}

void gdelt(std::size_t n) {
  const auto people = actors(6000);
  static const char* codes[] = {"040", "041", "042", "043", "044", "045", "046", "057",
                                "010", "036", "051", "112", "130", "161", "190"};
  for (std::size_t i = 0; i < n; ++i) {
    const std::string d = date();
    const std::string sqldate = d.substr(0, 4) + d.substr(5, 2) + d.substr(8, 2);
    const Actor& a = people[pick(people.size())];
    const Actor& b = people[pick(people.size())];
    const char* code = codes[pick(sizeof codes / sizeof *codes)];
    std::printf("%zu\t%s\t%s\t%s\t%s.%02zu\t", 400000000 + i, sqldate.c_str(), sqldate.substr(0, 6).c_str(),
                sqldate.substr(0, 4).c_str(), sqldate.substr(0, 4).c_str(), pick(99));
    for (const Actor* x : {&a, &b}) {  // actor code, name, country, known group, ethnic, religion x2, type x3
      std::printf("%sGOV\t%s\t%s\t\t\t\t\tGOV\t\t\t", x->state, x->name.c_str(), x->state);
    }
    std::printf("1\t%s\t%s\t%s\t%zu\t%.1f\t%zu\t%zu\t%zu\t%.6f\t", code,
                std::string(code).substr(0, 3).c_str(), std::string(code).substr(0, 2).c_str(), 1 + pick(4),
                3.0, 1 + pick(20), 1 + pick(5), 1 + pick(20), -5.0 + static_cast<double>(pick(1000)) / 100.0);
    for (int g = 0; g < 3; ++g) std::printf("1\t%s\tXX\t\t\t0\t0\t0\t", a.state);  // geo: 8 columns each
    std::printf("%s\thttps://news.example.org/%zu\n", sqldate.c_str(), i);
  }
}

const char* state_name(const char* code) {
  for (std::size_t i = 0; i < kStates.size(); ++i) {
    if (std::string(kStates[i]) == code) return kStateNames[i];
  }
  return "";
}

void icews_row(std::size_t id, const std::string& d, const Actor& a, const Actor& b, const char* code,
               std::size_t story, std::size_t sentence) {
  std::printf(
      "%zu\t%s\t%s\tGovernment,Executive\t%s\tEvent\t%s\t%.1f\t%s\tGovernment\t%s\t%zu\t%zu\t"
      "News Agency %zu\tCapital\tNA\tProvince\t%s\t%.4f\t%.4f\n",
      id, d.c_str(), a.name.c_str(), state_name(a.state), code, 1.0 + static_cast<double>(pick(60)) / 10.0,
      b.name.c_str(), state_name(b.state), story, sentence, pick(50), state_name(a.state),
      -60.0 + static_cast<double>(pick(12000)) / 100.0, -170.0 + static_cast<double>(pick(34000)) / 100.0);
}

void icews(std::size_t n) {
  const auto people = actors(6000);
  static const char* symmetric[] = {"040", "043", "044", "046"};  // written from both sides
  static const char* one_sided[] = {"010", "036", "051", "112", "130", "173", "190"};
  std::printf(
      "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\t"
      "Intensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\t"
      "City\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n");
  std::size_t pairs = 0;
  for (std::size_t i = 0; i < n;) {
    const std::string d = date();
    const Actor& a = people[pick(people.size())];
    const Actor& b = people[pick(people.size())];
    const std::size_t story = 40000000 + i / 3, sentence = 1 + pick(9);
    if (pick(10) < 4 && i + 1 < n && a.name != b.name) {
      const char* code = symmetric[pick(4)];
      const bool visit = std::string(code) == "043";
      icews_row(30000000 + i, d, a, b, visit ? "042" : code, story, sentence);
      icews_row(30000000 + i + 1, d, b, a, code, story, sentence);
      i += 2;
      ++pairs;
    } else {
      icews_row(30000000 + i, d, a, b, one_sided[pick(7)], story, sentence);
      ++i;
    }
  }
  std::fprintf(stderr, "%zu mirrored pairs\n", pairs);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: dg_generate jsonl|gdelt|icews N [SEED]\n");
    return 1;
  }
  const std::string what = argv[1];
  const auto n = static_cast<std::size_t>(std::strtoull(argv[2], nullptr, 10));
  if (argc > 3) state ^= std::strtoull(argv[3], nullptr, 10) * 0x9E3779B97F4A7C15ULL;
  if (what == "jsonl")
    jsonl(n);
  else if (what == "gdelt")
    gdelt(n);
  else if (what == "icews")
    icews(n);
  else
    return 1;
  return 0;
}
