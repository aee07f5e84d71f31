// Search as you type (FTS5) and the commune picker (postal code or folded name).
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "kiosk/core/base/text_fold.h"
#include "kiosk/core/storage/schema.h"
#include "kiosk/core/storage/store.h"
#include "kiosk/core/storage/store_internal.h"

namespace eric {

using namespace store_detail;

namespace {

// What the ranking needs of a row; the rest is read for the rows shown.
struct Candidate {
  int64_t rowid = 0;
  std::string folded;  // the indexed title
  int quality = 1;     // 0: the label starts with the typed text
  int kind_rank = 0;
};

// How many rows of each kind are read before ranking: enough for a good first screen,
// bounded so that a one-letter prefix over 100,000 offers stays fast.
constexpr int kCandidatesPerKind[] = {0, 200, 200, 100, 60, 100};

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string trim_spaces(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
  std::string out;
  for (size_t i = a; i < b; ++i) {
    if (s[i] != ' ') out += s[i];
  }
  return out;
}

CommuneHit read_hit(const Statement& s) {
  CommuneHit h;
  h.insee = s.col_text(0);
  h.name = s.col_text(1);
  h.postal_code = s.col_text(2);
  h.department = s.col_text(3);
  h.population = s.col_int(4);
  h.lat = s.col_double(5);
  h.lon = s.col_double(6);
  return h;
}

// Characters of the last folded word: FTS5 keeps prefix indexes for 1 to 3 characters
// (schema.cpp); a longer prefix makes it merge the lists of every matching term.
size_t last_word_chars(const std::string& folded) {
  const size_t space = folded.rfind(' ');
  size_t n = 0;
  for (size_t i = space == std::string::npos ? 0 : space + 1; i < folded.size(); ++i) {
    if ((static_cast<unsigned char>(folded[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// Candidates gathered kind after kind (rowid and title). The ranking puts every label that
// starts with the typed text first, kinds in order: once the kinds read hold `limit` distinct
// such labels, no later kind can reach the list, so reading stops there (same answer, less
// read).
class Candidates {
 public:
  Candidates(Database& db, const std::string& folded, int limit)
      : title_(db, "SELECT title FROM search_fts WHERE rowid = ?1"),
        folded_(folded),
        limit_(static_cast<size_t>(limit)) {}
  void add(int64_t rowid, int kind, std::string_view title) {
    Candidate c;
    c.rowid = rowid;
    c.folded = std::string(title);
    c.quality = c.folded.compare(0, folded_.size(), folded_) == 0 ? 0 : 1;
    c.kind_rank = kind;
    if (c.quality == 0) starts_.insert(c.folded);
    list.push_back(std::move(c));
  }
  // Reads the titles of rows of one kind; false on a database failure.
  bool add(int kind, const std::vector<int64_t>& rowids) {
    for (int64_t rowid : rowids) {
      title_.bind(1, rowid);
      if (title_.step()) add(rowid, kind, title_.col_view(0));
      title_.reset();
    }
    return title_.ok();
  }
  bool enough() const { return starts_.size() >= limit_; }
  std::vector<Candidate> list;

 private:
  Statement title_;
  const std::string& folded_;
  size_t limit_;
  std::set<std::string> starts_;
};

// Through the prefix index: one seek per kind into its rowid range.
bool candidates_by_kind(Database& db, const std::string& expr, Candidates& cands) {
  Statement st(db,
               "SELECT rowid, title FROM search_fts "
               "WHERE search_fts MATCH ?1 AND rowid >= ?2 AND rowid < ?3 LIMIT ?4");
  for (int kind = 1; kind <= 5 && !cands.enough(); ++kind) {
    st.bind(1, expr)
        .bind(2, search_rowid(static_cast<SearchKind>(kind), 0))
        .bind(3, search_rowid(static_cast<SearchKind>(kind + 1), 0))
        .bind(4, kCandidatesPerKind[kind]);
    while (st.step()) cands.add(st.col_int(0), kind, st.col_view(1));
    if (!st.ok()) return false;  // a malformed expression: no suggestions, reason in db
    st.reset();
  }
  return true;
}

// For a longer prefix FTS5 builds the merged list of its terms once per query (and would
// again for each kind's range): one pass over the matching rowids, kinds in order, takes each
// kind's first ones.
bool candidates_in_one_pass(Database& db, const std::string& expr, Candidates& cands) {
  std::vector<int64_t> pending;
  int pending_kind = 0;
  int taken[6] = {0, 0, 0, 0, 0, 0};
  Statement st(db, "SELECT rowid FROM search_fts WHERE search_fts MATCH ?1 ORDER BY rowid");
  st.bind(1, expr);
  while (st.step()) {
    const int64_t rowid = st.col_int(0);
    const int kind = static_cast<int>(rowid >> kSearchKindShift);
    if (kind < 1 || kind > 5) continue;
    if (kind != pending_kind) {
      if (!cands.add(pending_kind, pending)) return false;
      if (cands.enough()) return true;
      pending.clear();
      pending_kind = kind;
    }
    if (taken[kind] < kCandidatesPerKind[kind]) {
      ++taken[kind];
      pending.push_back(rowid);
    } else if (kind == 5) {
      break;  // the last kind is full: nothing further can be taken
    }
  }
  if (!st.ok()) return false;
  return cands.add(pending_kind, pending);
}

}  // namespace

std::vector<Suggestion> suggest(Database& db, std::string_view typed_text, int limit) {
  std::vector<Suggestion> out;
  if (limit <= 0) return out;
  const std::string expr = fts_match_expression(typed_text, "title");
  if (expr.empty()) return out;
  const std::string folded = fold_text(typed_text);

  ReadTransaction read(db);
  Candidates found(db, folded, limit);
  const bool ok = last_word_chars(folded) <= 3 ? candidates_by_kind(db, expr, found)
                                               : candidates_in_one_pass(db, expr, found);
  if (!ok) return out;
  std::vector<Candidate>& cands = found.list;
  std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    if (a.quality != b.quality) return a.quality < b.quality;
    if (a.kind_rank != b.kind_rank) return a.kind_rank < b.kind_rank;
    if (a.folded.size() != b.folded.size()) return a.folded.size() < b.folded.size();
    return a.folded < b.folded;
  });
  Statement row(db, "SELECT kind, ref, trade_code, label FROM search_fts WHERE rowid = ?1");
  std::set<std::string> seen;
  for (const Candidate& c : cands) {
    if (static_cast<int>(out.size()) >= limit) break;
    if (!seen.insert(c.folded).second) continue;  // the same words under another kind
    row.bind(1, c.rowid);
    if (row.step()) {
      Suggestion x;
      x.kind = row.col_text(0);
      x.id = row.col_text(1);
      x.trade_code = row.col_text(2);
      x.label = row.col_text(3);
      out.push_back(std::move(x));
    }
    row.reset();
  }
  return out;
}

std::vector<CommuneHit> find_communes(Database& db, std::string_view query, int limit) {
  std::vector<CommuneHit> out;
  if (limit <= 0) return out;
  const std::string compact = trim_spaces(query);
  if (all_digits(compact)) {
    // Postal codes are digits: the prefix range is [prefix, prefix + "\xff").
    Statement s(db,
                "SELECT c.insee, c.name, min(p.postal_code), c.department, c.population, c.lat, "
                "c.lon FROM commune_postal_codes p JOIN communes c ON c.insee = p.insee "
                "WHERE p.postal_code >= ?1 AND p.postal_code < ?2 GROUP BY c.insee "
                "ORDER BY c.population DESC, c.name LIMIT ?3");
    s.bind(1, compact).bind(2, compact + "\xff").bind(3, limit);
    while (s.step()) out.push_back(read_hit(s));
    return out;
  }
  const std::string folded = fold_commune_query(query);
  if (folded.empty()) return out;
  // A commune found by name shows its main postal code: the one of its main town, which ends
  // in "00" (Saint-Raphaël 83700, not Agay's 83530); else the first.
  constexpr const char* kSelect =
      "SELECT c.insee, c.name, coalesce((SELECT postal_code FROM commune_postal_codes p "
      "WHERE p.insee = c.insee ORDER BY substr(postal_code, -2) <> '00', postal_code LIMIT 1), "
      "''), c.department, c.population, c.lat, c.lon FROM communes c ";
  {
    Statement s(db, std::string(kSelect) +
                        "WHERE c.name_folded >= ?1 AND c.name_folded < ?2 "
                        "ORDER BY c.population DESC, c.name LIMIT ?3");
    s.bind(1, folded).bind(2, folded + "\xff").bind(3, limit);
    while (s.step()) out.push_back(read_hit(s));
    if (!s.ok()) return out;
  }
  if (static_cast<int>(out.size()) < limit) {
    // Then names where a later word starts with the query ("raphael" -> Saint-Raphaël).
    Statement s(db, std::string(kSelect) +
                        "WHERE instr(' ' || c.name_folded, ' ' || ?1) > 1 "
                        "ORDER BY c.population DESC, c.name LIMIT ?2");
    s.bind(1, folded).bind(2, limit);
    while (s.step() && static_cast<int>(out.size()) < limit) {
      CommuneHit h = read_hit(s);
      const bool known = std::any_of(out.begin(), out.end(),
                                     [&](const CommuneHit& o) { return o.insee == h.insee; });
      if (!known) out.push_back(std::move(h));
    }
  }
  return out;
}

}  // namespace eric
