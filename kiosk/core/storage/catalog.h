// The region's catalog as plain records: what the store keeps, the generator makes and the
// sync protocol carries. Field names follow ../shared/design/data-model.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eric {

// Dates are civil dates "YYYY-MM-DD"; times of day are civil local times of the site
// (Europe/Paris) written "YYYY-MM-DD HH:MM". Both sort as text.

struct Commune {
  std::string insee;                      // "13056"
  std::string name;                       // "Martigues"
  std::vector<std::string> postal_codes;  // {"13500"}
  std::string department;                 // "13"
  std::string region;                     // "93"
  int64_t population = 0;
  double lat = 0, lon = 0;
};

// The 14 ROME families, keyed by the first letter of a trade code.
struct TradeFamily {
  char letter = 'A';
  std::string label;  // French, plain words
};

struct Trade {
  std::string code;   // "M1607"
  std::string label;  // "Secrétariat"
  std::string description;  // plain words when the region provides one
  char family() const { return code.empty() ? '?' : code[0]; }
};

struct JobTitle {
  int64_t ogr = 0;
  std::string trade_code;
  std::string label;  // "Maçon / Maçonne"
};

struct Employer {
  std::string id;
  std::string name;
  std::string siret;      // 14 digits, may be empty
  std::string naf;
  std::string naf_label;
  std::string commune;    // INSEE code
  std::string address;
  double lat = 0, lon = 0;
  std::string size_range;  // "10 à 19 salariés"
  bool fit_for_disabled_workers = false;
};

struct Job {
  std::string id;
  std::string source = "demo";  // ft, lbb, local, demo
  std::string title;
  std::string trade_code;
  int64_t job_title_ogr = 0;    // 0 when unknown
  std::string employer_id;      // empty when anonymous
  std::string employer_name;    // shown when there is no employer record
  std::string description;
  std::string contract_type;    // CDI, CDD, MIS, SAI, ALT
  int contract_duration_months = 0;
  std::string work_time_label;
  std::string salary_label;
  std::string experience_label;
  std::string qualification_label;
  int posts = 1;
  std::string commune;          // INSEE code
  double lat = 0, lon = 0;
  std::string place_label;
  std::string origin_url;
  std::string contact;
  std::string created_at;       // date
  std::string expires_at;       // date
};

struct Training {
  std::string id;
  std::string title;
  std::vector<std::string> trade_codes;
  std::string entry_level;
  std::string exit_level;
  std::string rncp;
  std::string certifinfo;
  std::string organisation;
  std::string organisation_siret;
  bool region_funded = true;
  int hours_total = 0;
  std::string description;  // plain text
};

struct TrainingSession {
  std::string id;
  std::string training_id;
  std::string start;  // date
  std::string end;    // date
  std::string commune;
  double lat = 0, lon = 0;
  std::string address;
  bool registration_open = true;
  int seats = 0;  // 0 when unknown
};

struct ImmersionOffer {
  std::string id;
  std::string employer_id;
  std::string trade_code;
  int64_t job_title_ogr = 0;
  std::string what_you_will_do;
  std::string contact_mode;  // email, phone, in_person
  std::string welcome_address;
  bool fit_for_disabled_workers = false;
  int max_requests_per_month = 0;
};

struct ImmersionSlot {
  std::string id;
  std::string offer_id;
  std::string start;  // date
  std::string end;    // date
  int days = 0;
  std::string schedule_label;  // "du lundi au vendredi, 9 h - 17 h"
  int capacity = 0;
  int taken = 0;      // the server's count
};

struct Site {
  std::string id;        // "eric-martigues"
  std::string name;      // "ERIC Cyber-base de Martigues"
  std::string commune;   // "13056"
  std::string address;
  double lat = 0, lon = 0;
  std::string opening_hours;
  std::string phone;
};

struct Workshop {
  std::string id;
  std::string site_id;
  std::string kind;  // cv, job_search, interview_simulation, trade_discovery, digital_basics, other
  std::string title;
  std::string plain_description;
  std::string what_to_bring;
  std::string animator;
  std::string start;  // date time
  std::string end;    // date time
  int capacity = 0;
  int taken = 0;
  std::string place;  // room
  bool cancelled = false;
};

// A whole catalog in memory: what the demo generator produces and what a full sync or a
// bundle import writes in one transaction.
struct Catalog {
  std::vector<Commune> communes;
  std::vector<Trade> trades;
  std::vector<JobTitle> job_titles;
  std::vector<Employer> employers;
  std::vector<Job> jobs;
  std::vector<Training> trainings;
  std::vector<TrainingSession> training_sessions;
  std::vector<ImmersionOffer> immersion_offers;
  std::vector<ImmersionSlot> immersion_slots;
  std::vector<Site> sites;
  std::vector<Workshop> workshops;
};

}  // namespace eric
