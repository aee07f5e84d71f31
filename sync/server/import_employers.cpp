// Employers merged across sources (see import_employers.h).
#include "sync/server/import_employers.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/core/base/text_fold.h"
#include "sync/protocol.h"
#include "sync/server/import_fields.h"
#include "sync/server/import_sink.h"
#include "sync/server/record_json.h"

namespace eric::server {
namespace {

std::string hex64(uint64_t v) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = kHex[v & 0xF];
  return out;
}

// Immersion Facilitée's establishments are described by the employers themselves (their
// address, position and size); France Travail places an employer where its job is.
int source_rank(const std::string& source) { return source == "immersion" ? 0 : source == "ft" ? 1 : 2; }

constexpr const char* kSmallestSiretPartner =
    "SELECT min(employer_id) FROM employer_facts WHERE match_key = ? AND siret <> ''";

struct SaidBy {
  std::string source;
  Employer employer;
};

// Each field from the first source that gives it, in source_rank order.
Employer merged_employer(std::vector<SaidBy> said, const std::string& id) {
  std::stable_sort(said.begin(), said.end(), [](const SaidBy& a, const SaidBy& b) {
    return source_rank(a.source) < source_rank(b.source);
  });
  Employer m;
  m.id = id;
  auto first = [&](std::string Employer::*field) {
    for (const auto& s : said) {
      if (!(s.employer.*field).empty()) return s.employer.*field;
    }
    return std::string();
  };
  m.name = first(&Employer::name);
  m.siret = first(&Employer::siret);
  m.naf = first(&Employer::naf);
  m.naf_label = first(&Employer::naf_label);
  m.address = first(&Employer::address);
  m.size_range = first(&Employer::size_range);
  // The place comes whole from one source: a commune with another source's coordinates
  // would put the employer where neither said.
  for (const auto& s : said) {
    if (s.employer.commune.empty() && s.employer.lat == 0 && s.employer.lon == 0) continue;
    m.commune = s.employer.commune;
    m.lat = s.employer.lat;
    m.lon = s.employer.lon;
    break;
  }
  for (const auto& s : said) m.fit_for_disabled_workers |= s.employer.fit_for_disabled_workers;
  return m;
}

}  // namespace

Status EmployerMerge::open() {
  Statement st(db_, "SELECT fact_id, digest, employer_id FROM employer_facts WHERE source = ?");
  st.bind(1, source_);
  while (st.step()) {
    Fact f;
    f.digest = static_cast<uint64_t>(st.col_int(1));
    f.employer_id = st.col_text(2);
    facts_.emplace(st.col_text(0), std::move(f));
  }
  status_ = st.status();
  if (!status_) return status_;
  Statement ids(db_, "SELECT DISTINCT employer_id FROM employer_facts");
  while (ids.step()) known_ids_.insert(ids.col_text(0));
  status_ = ids.status();
  if (!status_) return status_;
  Statement keys(db_, "SELECT DISTINCT match_key FROM employer_facts WHERE siret = ''");
  while (keys.step()) keys_without_siret_.insert(keys.col_text(0));
  status_ = keys.status();
  return status_;
}

void EmployerMerge::note_described(const std::string& employer_id, const std::string& fact_id) {
  if (known_ids_.count(employer_id) > 0) return;
  const auto [it, first] = sole_fact_.try_emplace(employer_id, fact_id);
  if (!first && it->second != fact_id) it->second.clear();
}

void EmployerMerge::note_shared(const std::string& employer_id) {
  if (auto it = sole_fact_.find(employer_id); it != sole_fact_.end()) it->second.clear();
}

std::string EmployerMerge::employer_id_for(const Employer& said, const std::string& match_key,
                                           const Fact* before) {
  if (!said.siret.empty()) return "e-" + said.siret;
  Statement& partner = prepared(partner_, kSmallestSiretPartner);
  partner.bind(1, match_key);
  std::string id = partner.step() ? partner.col_text(0) : std::string();
  if (!partner.ok()) status_ = partner.status();
  partner.reset();
  if (!id.empty()) return id;
  // A company that lost its SIRET partner keeps the record its jobs refer to.
  if (before && !before->employer_id.empty()) return before->employer_id;
  return "e-n" + hex64(fnv1a(match_key));
}

Statement& EmployerMerge::prepared(std::unique_ptr<Statement>& st, const char* sql) {
  if (!st) st = std::make_unique<Statement>(db_, sql, /*persistent=*/true);
  return *st;
}

std::optional<std::string> EmployerMerge::seen(const std::string& siret) const {
  if (siret.empty()) return std::nullopt;
  const auto it = facts_.find(siret);
  if (it == facts_.end() || !it->second.seen) return std::nullopt;
  return it->second.employer_id;
}

std::string EmployerMerge::put(Employer said) {
  if (!status_) return "";
  std::string match_key;
  if (said.siret.empty()) match_key = fold_text(said.name) + "|" + said.commune;
  const std::string fact_id = said.siret.empty() ? "n" + hex64(fnv1a(match_key)) : said.siret;
  auto [it, added] = facts_.try_emplace(fact_id);
  Fact& f = it->second;
  if (f.seen) return f.employer_id;  // most offers name an employer already read
  if (match_key.empty()) match_key = fold_text(said.name) + "|" + said.commune;
  ImportCounts& counts = report_.by_type["employer"];
  ++counts.read;
  f.seen = true;
  said.id = fact_id;
  const uint64_t digest = record_digest(Record(said));
  const std::string id = employer_id_for(said, match_key, added ? nullptr : &f);
  if (!status_) return "";
  if (!added && f.digest == digest && f.employer_id == id) {
    ++counts.unchanged;
    return id;
  }
  status_ = store(fact_id, said, match_key, digest, id);
  if (said.siret.empty()) keys_without_siret_.insert(match_key);
  said_now_[fact_id] = said;
  if (status_ && !said.siret.empty()) status_ = adopt_partners(match_key, id);
  if (!status_) return "";
  if (!added && f.employer_id != id) {
    touched_.insert(f.employer_id);
    moved_[f.employer_id] = id;
  }
  f.digest = digest;
  f.employer_id = id;
  note_described(id, fact_id);
  touched_.insert(id);
  ++(added ? counts.added : counts.updated);
  return id;
}

Status EmployerMerge::store(const std::string& fact_id, const Employer& said,
                            const std::string& match_key, uint64_t digest,
                            const std::string& employer_id) {
  Statement& st = prepared(store_, "INSERT OR REPLACE INTO employer_facts(source, fact_id, "
                                   "employer_id, siret, match_key, digest, data) "
                                   "VALUES(?, ?, ?, ?, ?, ?, ?)");
  const std::string data = record_json_text(Record(said));
  st.bind_ref(1, source_).bind_ref(2, fact_id).bind_ref(3, employer_id).bind_ref(4, said.siret)
      .bind_ref(5, match_key).bind(6, static_cast<int64_t>(digest)).bind_ref(7, data);
  return st.run();
}

// Descriptions without SIRET of the same name and commune, from any source, join the company.
Status EmployerMerge::adopt_partners(const std::string& match_key, const std::string& employer_id) {
  struct Partner {
    std::string source, fact_id, employer_id;
  };
  if (keys_without_siret_.count(match_key) == 0) return Status::success();
  std::vector<Partner> partners;
  Statement& st = prepared(partners_, "SELECT source, fact_id, employer_id FROM employer_facts "
                                      "WHERE match_key = ? AND siret = '' AND employer_id <> ?");
  st.bind(1, match_key).bind(2, employer_id);
  while (st.step()) partners.push_back({st.col_text(0), st.col_text(1), st.col_text(2)});
  if (!st.ok()) return st.status();
  st.reset();
  if (partners.empty()) return Status::success();  // the usual case
  // Two companies of the same name in one commune: the partners go to the smallest SIRET,
  // as employer_id_for sends them, whichever came first.
  Statement& smallest = prepared(partner_, kSmallestSiretPartner);
  smallest.bind(1, match_key);
  std::string target = smallest.step() ? smallest.col_text(0) : employer_id;
  if (!smallest.ok()) return smallest.status();
  smallest.reset();
  if (target.empty()) target = employer_id;
  Statement move(db_, "UPDATE employer_facts SET employer_id = ? WHERE source = ? AND fact_id = ?");
  for (const auto& p : partners) {
    if (p.employer_id == target) continue;
    move.bind(1, target).bind(2, p.source).bind(3, p.fact_id);
    if (Status s = move.run(); !s) return s;
    touched_.insert(p.employer_id);
    touched_.insert(target);
    note_shared(p.employer_id);
    note_shared(target);
    moved_[p.employer_id] = target;
    if (p.source == source_) facts_[p.fact_id].employer_id = target;
  }
  return Status::success();
}

Status EmployerMerge::forget_missing() {
  Statement forget(db_, "DELETE FROM employer_facts WHERE source = ? AND fact_id = ?");
  for (auto& [fact_id, f] : facts_) {
    if (f.seen) continue;
    forget.bind(1, source_).bind(2, fact_id);
    if (Status s = forget.run(); !s) return s;
    touched_.insert(f.employer_id);
    ++report_.by_type["employer"].deleted;
  }
  return Status::success();
}

Status EmployerMerge::write_feed(ServerCatalogWriter& writer) {
  if (!status_) return status_;
  if (Status s = repoint_references(writer); !s) return s;
  for (const auto& id : touched_) {
    if (Status s = write_merged(writer, id); !s) return s;
  }
  touched_.clear();
  return Status::success();
}

Status EmployerMerge::write_merged(ServerCatalogWriter& writer, const std::string& employer_id) {
  const auto sole = sole_fact_.find(employer_id);
  if (sole != sole_fact_.end() && !sole->second.empty()) {
    const auto now = said_now_.find(sole->second);
    if (now != said_now_.end()) {
      return writer.upsert(Record(merged_employer({{source_, now->second}}, employer_id)));
    }
  }
  std::vector<SaidBy> said;
  Statement& facts =
      prepared(facts_of_, "SELECT source, fact_id, data FROM employer_facts WHERE employer_id = ?");
  facts.bind(1, employer_id);
  while (facts.step()) {
    if (facts.col_view(0) == source_) {
      const auto now = said_now_.find(std::string(facts.col_view(1)));
      if (now != said_now_.end()) {
        said.push_back({source_, now->second});
        continue;
      }
    }
    Record r;
    const auto data = nlohmann::json::parse(facts.col_view(2), nullptr, /*allow_exceptions=*/false);
    if (record_from_json(RecordType::employer, data, r) && std::holds_alternative<Employer>(r)) {
      said.push_back({facts.col_text(0), std::get<Employer>(std::move(r))});
    }
  }
  if (!facts.ok()) return facts.status();
  facts.reset();
  Statement& current = prepared(
      current_, "SELECT data FROM records WHERE type = 'employer' AND id = ? AND deleted = 0");
  current.bind(1, employer_id);
  const bool live = current.step();
  const std::string written = live ? current.col_text(0) : std::string();
  if (!current.ok()) return current.status();
  current.reset();
  if (said.empty()) return live ? writer.remove(RecordType::employer, employer_id) : Status::success();
  const bool several = said.size() > 1;
  const Employer merged = merged_employer(std::move(said), employer_id);
  if (live && written == record_json_text(Record(merged))) return Status::success();
  if (several) report_.note("employeurs réunis de plusieurs sources (écrits)");
  return writer.upsert(Record(merged));
}

// The records written before their employer's description moved now refer to its new record;
// their source's import state follows, so that source's next import finds them unchanged.
Status EmployerMerge::repoint_references(ServerCatalogWriter& writer) {
  if (moved_.empty()) return Status::success();
  auto final_id = [&](std::string id) {
    for (std::size_t hops = 0; hops < moved_.size(); ++hops) {
      auto it = moved_.find(id);
      if (it == moved_.end()) break;
      id = it->second;
    }
    return id;
  };
  nlohmann::json old_ids = nlohmann::json::array();
  for (const auto& [from, to] : moved_) old_ids.push_back(from);
  std::vector<Record> referring;
  {
    Statement st(db_, "SELECT type, data FROM records WHERE type IN ('job', 'immersion_offer') "
                      "AND deleted = 0 AND json_extract(data, '$.employer_id') IN "
                      "(SELECT value FROM json_each(?))");
    st.bind(1, old_ids.dump());
    while (st.step()) {
      const auto type = parse_record_type(st.col_view(0));
      Record r;
      const auto data = nlohmann::json::parse(st.col_view(1), nullptr, false);
      if (type && record_from_json(*type, data, r)) referring.push_back(std::move(r));
    }
    if (!st.ok()) return st.status();
  }
  Statement state(db_, "UPDATE import_state SET digest = ?, cursor = ? WHERE type = ? AND id = ?");
  for (Record& r : referring) {
    std::visit([&](auto& rec) {
      if constexpr (requires { rec.employer_id; }) rec.employer_id = final_id(rec.employer_id);
    }, r);
    const uint64_t digest = record_digest(r);
    const std::string id = record_id(r);
    const RecordType type = record_type(r);
    if (Status s = writer.upsert(std::move(r)); !s) return s;
    state.bind(1, static_cast<int64_t>(digest)).bind(2, writer.last_cursor())
        .bind(3, record_type_name(type)).bind(4, id);
    if (Status s = state.run(); !s) return s;
  }
  moved_.clear();
  return Status::success();
}

}  // namespace eric::server
