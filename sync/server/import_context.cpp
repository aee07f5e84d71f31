// Reference indexes, places and checked JSON fields for the importers (see import_context.h).
#include "sync/server/import_context.h"

#include <cmath>

#include "kiosk/core/base/text_fold.h"

namespace eric::server {

ReferenceIndex::ReferenceIndex(std::vector<Commune> communes, const std::vector<JobTitle>& titles)
    : communes_(std::move(communes)) {
  for (std::size_t i = 0; i < communes_.size(); ++i) {
    const Commune& c = communes_[i];
    by_insee_.emplace(c.insee, i);
    for (const auto& code : c.postal_codes) {
      auto [it, added] = by_postal_.emplace(code, i);
      if (!added && communes_[it->second].population < c.population) it->second = i;
    }
  }
  for (const auto& t : titles) ogr_by_folded_label_.emplace(fold_text(t.label), t.ogr);
}

const Commune* ReferenceIndex::commune_by_insee(std::string_view insee) const {
  auto it = by_insee_.find(std::string(insee));
  return it == by_insee_.end() ? nullptr : &communes_[it->second];
}

const Commune* ReferenceIndex::commune_by_postal_code(std::string_view code) const {
  auto it = by_postal_.find(std::string(code));
  return it == by_postal_.end() ? nullptr : &communes_[it->second];
}

int64_t ReferenceIndex::ogr_by_label(std::string_view label) const {
  if (label.empty()) return 0;
  auto it = ogr_by_folded_label_.find(fold_text(label));
  return it == ogr_by_folded_label_.end() ? 0 : it->second;
}

FoundPlace find_place(const ImportContext& ctx, const std::string& where,
                      std::optional<double> lat, std::optional<double> lon,
                      std::string_view insee, std::string_view postal_code) {
  FoundPlace p;
  const Commune* commune = nullptr;
  if (!insee.empty()) {
    if (!is_insee_code(insee)) {
      ctx.report.problem(where, "code INSEE « " + std::string(insee) + " » invalide : ignoré.");
    } else {
      commune = ctx.reference.commune_by_insee(insee);
    }
  }
  if (!commune && !postal_code.empty()) {
    if (!is_postal_code(postal_code)) {
      ctx.report.problem(where, "code postal « " + std::string(postal_code) + " » invalide : ignoré.");
    } else {
      commune = ctx.reference.commune_by_postal_code(postal_code);
    }
  }
  if (commune) {
    p.insee = commune->insee;
    p.commune_name = commune->name;
  }
  if (lat && lon) {
    if (is_in_france(*lat, *lon)) {
      p.lat = *lat;
      p.lon = *lon;
      p.found = true;
      return p;
    }
    ctx.report.problem(where, "coordonnées hors de France (" + std::to_string(*lat) + ", " +
                                  std::to_string(*lon) + ") : " +
                                  (commune ? "placé à sa commune." : "ignorées."));
  }
  if (commune) {
    p.lat = commune->lat;
    p.lon = commune->lon;
    p.found = true;
  }
  return p;
}

std::optional<JsonValue> JsonFields::present(const char* name) const {
  if (!j_.is_object()) return std::nullopt;
  JsonValue v;
  if (j_.get_object().at_key(name).get(v) != simdjson::SUCCESS || v.is_null()) return std::nullopt;
  return v;
}

std::string JsonFields::text(const char* name, bool keep_lines) const {
  const auto v = present(name);
  if (!v) return "";
  std::string_view raw;
  if (v->get(raw) != simdjson::SUCCESS) {
    if (v->is_number() || v->is_bool()) return simdjson::minify(*v);
    problem(std::string("le champ « ") + name + " » n'est pas un texte : ignoré.");
    return "";
  }
  CleanText t = clean_text(raw, keep_lines);
  if (t.had_controls) {
    problem(std::string("caractères de contrôle retirés du champ « ") + name + " ».");
  }
  if (t.had_bad_utf8) {
    problem(std::string("UTF-8 invalide dans le champ « ") + name + " » : remplacé.");
  }
  return std::move(t.text);
}

std::optional<double> JsonFields::number(const char* name) const {
  const auto v = present(name);
  if (!v) return std::nullopt;
  std::optional<double> out;
  double d = 0;
  std::string_view s;
  if (v->is_number() && v->get(d) == simdjson::SUCCESS) out = d;
  else if (v->get(s) == simdjson::SUCCESS) out = parse_decimal(s);
  if (!out || !std::isfinite(*out)) {
    problem(std::string("le champ « ") + name + " » n'est pas un nombre : ignoré.");
    return std::nullopt;
  }
  return out;
}

std::optional<int64_t> JsonFields::whole(const char* name) const {
  const auto v = present(name);
  if (!v) return std::nullopt;
  std::optional<int64_t> out;
  int64_t i = 0;
  std::string_view s;
  if (v->get(i) == simdjson::SUCCESS) out = i;
  else if (v->get(s) == simdjson::SUCCESS) out = parse_whole(s);
  if (!out) problem(std::string("le champ « ") + name + " » n'est pas un nombre entier : ignoré.");
  return out;
}

bool JsonFields::flag(const char* name) const {
  const auto v = present(name);
  if (!v) return false;
  bool b = false;
  std::string_view s;
  int64_t i = 0;
  if (v->get(b) == simdjson::SUCCESS) return b;
  if (v->get(s) == simdjson::SUCCESS) return s == "true" || s == "1" || s == "O" || s == "oui";
  if (v->get(i) == simdjson::SUCCESS) return i != 0;
  return false;
}

std::optional<JsonValue> JsonFields::object(const char* name) const {
  const auto v = present(name);
  if (v && !v->is_object()) {
    problem(std::string("le champ « ") + name + " » n'est pas un objet : ignoré.");
    return std::nullopt;
  }
  return v;
}

std::optional<simdjson::dom::array> JsonFields::array(const char* name) const {
  const auto v = present(name);
  if (!v) return std::nullopt;
  simdjson::dom::array a;
  if (v->get(a) != simdjson::SUCCESS) {
    problem(std::string("le champ « ") + name + " » n'est pas une liste : ignoré.");
    return std::nullopt;
  }
  return a;
}

std::string source_of_kind(std::string_view kind) {
  if (kind == "ft-offers") return "ft";
  if (kind == "lheo") return "lheo";
  if (kind == "immersion") return "immersion";
  if (kind == "rome") return "rome";
  return "";
}

}  // namespace eric::server
