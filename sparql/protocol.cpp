// The SPARQL 1.1 Protocol: a query POSTed as a form, its results read as JSON.
#include "diplograph/sparql.hpp"
#include "sparql/http.hpp"

namespace diplograph {

void sparql_select(const Endpoint& endpoint, const std::string& query, const std::vector<std::string>& vars,
                   const BindingFn& row) {
  const auto r = http::post(endpoint, endpoint.url, "application/x-www-form-urlencoded",
                            "query=" + http::form_encode(query), "application/sparql-results+json");
  if (r.status != 200) throw StoreError(http::failure(endpoint.url, r));
  if (!r.max_rows.empty()) {
    throw StoreError(endpoint.url + ": the store cut the answer at " + r.max_rows +
                     " rows (Virtuoso: raise ResultSetMaxRows in the [SPARQL] section of virtuoso.ini)");
  }
  if (r.sql_state == "S1TAT") {
    throw StoreError(endpoint.url +
                     ": the store ran out of time and sent a partial answer (Virtuoso: raise "
                     "MaxQueryExecutionTime in the [SPARQL] section of virtuoso.ini)");
  }
  read_sparql_json(r.body, vars, row, endpoint.url);
}

}  // namespace diplograph
