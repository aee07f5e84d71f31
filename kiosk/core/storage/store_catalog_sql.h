// The catalog writer's SQL: one statement per slot, and how `remove` finds each record type.
#pragma once

#include <cstdint>
#include <string_view>

#include "kiosk/core/storage/schema.h"

namespace eric::store_detail {

enum Slot {
  kCommuneUpsert, kCommuneCodesDelete, kCommuneCodeInsert,
  kTradeUpsert, kJobTitleUpsert, kEmployerUpsert, kEmployerName, kJobUpsert,
  kTrainingUpsert, kTrainingTradesDelete, kTrainingTradeInsert, kSessionUpsert,
  kOfferUpsert, kSlotUpsert, kSiteUpsert, kWorkshopUpsert,
  kFtsReplace, kFtsDelete, kGeoReplace, kGeoDelete,
  kJobInsert, kJobOld, kTradeStatsAdd, kTradeStatsPrune,
  kSlotCount
};

inline constexpr const char* kSql[kSlotCount] = {
    // kCommuneUpsert
    "INSERT INTO communes(insee,name,name_folded,department,region,population,lat,lon) "
    "VALUES(?1,?2,?3,?4,?5,?6,?7,?8) ON CONFLICT(insee) DO UPDATE SET name=excluded.name,"
    "name_folded=excluded.name_folded,department=excluded.department,region=excluded.region,"
    "population=excluded.population,lat=excluded.lat,lon=excluded.lon",
    "DELETE FROM commune_postal_codes WHERE insee=?1",
    "INSERT OR IGNORE INTO commune_postal_codes(postal_code,insee) VALUES(?1,?2)",
    // kTradeUpsert
    "INSERT INTO trades(code,label,label_folded,description) VALUES(?1,?2,?3,?4) "
    "ON CONFLICT(code) DO UPDATE SET label=excluded.label,label_folded=excluded.label_folded,"
    "description=excluded.description RETURNING rowid",
    // kJobTitleUpsert
    "INSERT INTO job_titles(ogr,trade_code,label) VALUES(?1,?2,?3) ON CONFLICT(ogr) DO UPDATE "
    "SET trade_code=excluded.trade_code,label=excluded.label",
    // kEmployerUpsert
    "INSERT INTO employers(id,name,siret,naf,naf_label,commune,address,lat,lon,size_range,"
    "fit_for_disabled_workers) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11) ON CONFLICT(id) DO "
    "UPDATE SET name=excluded.name,siret=excluded.siret,naf=excluded.naf,"
    "naf_label=excluded.naf_label,commune=excluded.commune,address=excluded.address,"
    "lat=excluded.lat,lon=excluded.lon,size_range=excluded.size_range,"
    "fit_for_disabled_workers=excluded.fit_for_disabled_workers RETURNING rowid",
    "SELECT name FROM employers WHERE id=?1",
    // kJobUpsert
    "INSERT INTO jobs(id,source,title,trade_code,job_title_ogr,employer_id,employer_name,"
    "description,contract_type,contract_duration_months,work_time_label,salary_label,"
    "experience_label,qualification_label,posts,commune,lat,lon,place_label,origin_url,contact,"
    "created_at,expires_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,"
    "?18,?19,?20,?21,?22,?23) ON CONFLICT(id) DO UPDATE SET source=excluded.source,"
    "title=excluded.title,trade_code=excluded.trade_code,job_title_ogr=excluded.job_title_ogr,"
    "employer_id=excluded.employer_id,employer_name=excluded.employer_name,"
    "description=excluded.description,contract_type=excluded.contract_type,"
    "contract_duration_months=excluded.contract_duration_months,"
    "work_time_label=excluded.work_time_label,salary_label=excluded.salary_label,"
    "experience_label=excluded.experience_label,qualification_label=excluded.qualification_label,"
    "posts=excluded.posts,commune=excluded.commune,lat=excluded.lat,lon=excluded.lon,"
    "place_label=excluded.place_label,origin_url=excluded.origin_url,contact=excluded.contact,"
    "created_at=excluded.created_at,expires_at=excluded.expires_at",
    // kTrainingUpsert
    "INSERT INTO trainings(id,title,entry_level,exit_level,rncp,certifinfo,organisation,"
    "organisation_siret,region_funded,hours_total,description) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,"
    "?9,?10,?11) ON CONFLICT(id) DO UPDATE SET title=excluded.title,"
    "entry_level=excluded.entry_level,exit_level=excluded.exit_level,rncp=excluded.rncp,"
    "certifinfo=excluded.certifinfo,organisation=excluded.organisation,"
    "organisation_siret=excluded.organisation_siret,region_funded=excluded.region_funded,"
    "hours_total=excluded.hours_total,description=excluded.description RETURNING rowid",
    "DELETE FROM training_trades WHERE training_id=?1",
    "INSERT OR IGNORE INTO training_trades(training_id,trade_code,position) VALUES(?1,?2,?3)",
    // kSessionUpsert
    "INSERT INTO training_sessions(id,training_id,start,\"end\",commune,lat,lon,address,"
    "registration_open,seats) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10) ON CONFLICT(id) DO UPDATE "
    "SET training_id=excluded.training_id,start=excluded.start,\"end\"=excluded.\"end\","
    "commune=excluded.commune,lat=excluded.lat,lon=excluded.lon,address=excluded.address,"
    "registration_open=excluded.registration_open,seats=excluded.seats",
    // kOfferUpsert
    "INSERT INTO immersion_offers(id,employer_id,trade_code,job_title_ogr,what_you_will_do,"
    "contact_mode,welcome_address,fit_for_disabled_workers,max_requests_per_month) "
    "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9) ON CONFLICT(id) DO UPDATE SET "
    "employer_id=excluded.employer_id,trade_code=excluded.trade_code,"
    "job_title_ogr=excluded.job_title_ogr,what_you_will_do=excluded.what_you_will_do,"
    "contact_mode=excluded.contact_mode,welcome_address=excluded.welcome_address,"
    "fit_for_disabled_workers=excluded.fit_for_disabled_workers,"
    "max_requests_per_month=excluded.max_requests_per_month",
    // kSlotUpsert
    "INSERT INTO immersion_slots(id,offer_id,start,\"end\",days,schedule_label,capacity,taken) "
    "VALUES(?1,?2,?3,?4,?5,?6,?7,?8) ON CONFLICT(id) DO UPDATE SET offer_id=excluded.offer_id,"
    "start=excluded.start,\"end\"=excluded.\"end\",days=excluded.days,"
    "schedule_label=excluded.schedule_label,capacity=excluded.capacity,taken=excluded.taken",
    // kSiteUpsert
    "INSERT INTO sites(id,name,commune,address,lat,lon,opening_hours,phone) "
    "VALUES(?1,?2,?3,?4,?5,?6,?7,?8) ON CONFLICT(id) DO UPDATE SET name=excluded.name,"
    "commune=excluded.commune,address=excluded.address,lat=excluded.lat,lon=excluded.lon,"
    "opening_hours=excluded.opening_hours,phone=excluded.phone",
    // kWorkshopUpsert
    "INSERT INTO workshops(id,site_id,kind,title,plain_description,what_to_bring,animator,start,"
    "\"end\",capacity,taken,place,cancelled) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13) "
    "ON CONFLICT(id) DO UPDATE SET site_id=excluded.site_id,kind=excluded.kind,"
    "title=excluded.title,plain_description=excluded.plain_description,"
    "what_to_bring=excluded.what_to_bring,animator=excluded.animator,start=excluded.start,"
    "\"end\"=excluded.\"end\",capacity=excluded.capacity,taken=excluded.taken,"
    "place=excluded.place,cancelled=excluded.cancelled",
    // kFtsReplace: FTS5 honours OR REPLACE on the rowid, so an update needs no lookup here.
    "INSERT OR REPLACE INTO search_fts(rowid,title,extra,kind,ref,trade_code,label) "
    "VALUES(?1,?2,?3,?4,?5,?6,?7)",
    "DELETE FROM search_fts WHERE rowid=?1",
    "INSERT OR REPLACE INTO jobs_geo(band,lon,job_rowid,lat,trade_code,contract_type,expires_at) "
    "VALUES(?1,?2,?3,?4,?5,?6,?7)",
    "DELETE FROM jobs_geo WHERE band=?1 AND lon=?2 AND job_rowid=?3",
    // kJobInsert: after clear_all every offer is new; a plain insert is the fast path, and a
    // duplicate id in the catalog fails it and falls back to the upsert. kJobOld: what of an
    // offer the indexes hold (place, filters, searched words) before a delta changes it.
    "INSERT INTO jobs(id,source,title,trade_code,job_title_ogr,employer_id,employer_name,"
    "description,contract_type,contract_duration_months,work_time_label,salary_label,"
    "experience_label,qualification_label,posts,commune,lat,lon,place_label,origin_url,contact,"
    "created_at,expires_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,"
    "?18,?19,?20,?21,?22,?23)",
    "SELECT rowid, lat, lon, trade_code, contract_type, expires_at, title, employer_name "
    "FROM jobs WHERE id=?1",
    // kTradeStatsAdd: a delta moves the counts of the trades it touched, no recount.
    "INSERT INTO trade_stats(trade_code,job_count) VALUES(?1,?2) ON CONFLICT(trade_code) DO "
    "UPDATE SET job_count=job_count+excluded.job_count",
    "DELETE FROM trade_stats WHERE job_count<=0",
};

// How `remove` finds a record: its table, key column, and the indexes it appears in.
struct RemoveRule {
  std::string_view type;
  const char* sql;  // DELETE ... RETURNING rowid
  bool in_search;
  SearchKind kind;
  bool in_geo;
  bool touches_funding;
  const char* cleanup_sql;  // child rows keyed by the same id, or nullptr
};

inline constexpr RemoveRule kRemoveRules[] = {
    {"commune", "DELETE FROM communes WHERE insee=?1 RETURNING rowid", false, SearchKind::job,
     false, false, "DELETE FROM commune_postal_codes WHERE insee=?1"},
    {"trade", "DELETE FROM trades WHERE code=?1 RETURNING rowid", true, SearchKind::trade, false,
     false, nullptr},
    {"job_title", "DELETE FROM job_titles WHERE ogr=CAST(?1 AS INTEGER) RETURNING rowid", true,
     SearchKind::job_title, false, false, nullptr},
    {"employer", "DELETE FROM employers WHERE id=?1 RETURNING rowid", true, SearchKind::employer,
     false, false, nullptr},
    {"job", "DELETE FROM jobs WHERE id=?1 RETURNING rowid, lat, lon, trade_code", true, SearchKind::job,
     true, false, nullptr},
    {"training", "DELETE FROM trainings WHERE id=?1 RETURNING rowid", true, SearchKind::training,
     false, true, "DELETE FROM training_trades WHERE training_id=?1"},
    {"training_session", "DELETE FROM training_sessions WHERE id=?1 RETURNING rowid", false,
     SearchKind::job, false, true, nullptr},
    {"immersion_offer", "DELETE FROM immersion_offers WHERE id=?1 RETURNING rowid", false,
     SearchKind::job, false, false, nullptr},
    {"immersion_slot", "DELETE FROM immersion_slots WHERE id=?1 RETURNING rowid", false,
     SearchKind::job, false, false, nullptr},
    {"workshop", "DELETE FROM workshops WHERE id=?1 RETURNING rowid", false, SearchKind::job,
     false, false, nullptr},
    {"site", "DELETE FROM sites WHERE id=?1 RETURNING rowid", false, SearchKind::job, false,
     false, nullptr},
};

}  // namespace eric::store_detail
