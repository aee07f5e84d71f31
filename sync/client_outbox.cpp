// The outbox steps of a sync: deliver pending items (each keyed by its UUID, so a retry is
// answered with the first answer) and apply later status changes (declined, cancelled).
#include <algorithm>
#include <cstdio>
#include <map>

#include "kiosk/core/base/json_bounded.h"
#include "kiosk/core/base/test_hook.h"
#include "sync/client_internal.h"

namespace eric {
namespace {

std::string civil_time(int64_t epoch_s) {
  const CivilTime t = Clock::to_local(epoch_s * 1000);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", t.year, t.month, t.day, t.hour,
                t.minute, t.second);
  return buf;
}

// Puts items back in the queue after a failed delivery, each with its own backoff, and
// returns `why`. Items it could not put back stay `sending`: the next sync requeues them
// (outbox_requeue_sending), so none is lost either way.
Status requeue(SyncContext& ctx, const std::vector<OutboxItem>& items, Status why) {
  const int64_t now = sync_now_s(ctx.config);
  Transaction tx(ctx.db);
  Status s = tx.status();
  for (const auto& item : items) {
    // `attempts` was already counted when the item was marked sending.
    const int64_t next = now + backoff_seconds(ctx.config, item.attempts + 1, ctx.result.retry_after_s);
    if (s) s = outbox_mark(ctx.db, item.id, OutboxState::pending, "", "", why.message_fr, next);
  }
  if (s) s = tx.commit();
  return why;  // the delivery's own failure is what to report
}

}  // namespace

Status push_outbox(SyncContext& ctx, HttpClient& http) {
  Database& db = ctx.db;
  const int batch = std::max(1, std::min(ctx.config.outbox_batch, 100));
  int64_t sent = 0;
  while (true) {
    const std::vector<OutboxItem> items = outbox_pending(db, sync_now_s(ctx.config), batch);
    if (items.empty()) return Status::success();
    nlohmann::json body = {{"items", nlohmann::json::array()}};
    {
      Transaction tx(db);
      if (!tx.ok()) return tx.status();
      for (const auto& item : items) {
        Status s = outbox_mark(db, item.id, OutboxState::sending, "", "", "", 0);
        if (!s) return s;
        auto payload = parse_bounded_json(item.payload_json);
        if (payload.is_discarded()) payload = nlohmann::json::object();
        body["items"].push_back({{"id", item.id}, {"type", item.type},
                                 {"created_at", civil_time(item.created_at)},
                                 {"payload", payload}});
      }
      Status s = tx.commit();
      if (!s) return s;
    }
    reached_step(step::kDeliveryStarted);
    ctx.report(SyncPhase::outbox_push, sent, sent + static_cast<int64_t>(items.size()));
    HttpResponse r;
    Status s = http.post_json(ctx.base_url + "/v1/outbox", {ctx.auth_header()}, body.dump(), r);
    ctx.count(r);
    if (s) reached_step(step::kDeliverySent);
    if (s && r.status != 200) s = http_error_status(r);
    std::vector<OutboxAnswer> answers;
    if (s) s = parse_outbox_answers(r.body, answers);
    if (!s) {
      // No answer (lost, cut, refused): the items go again later; the server keeps the
      // first answer for any it did receive.
      return requeue(ctx, items, s);
    }
    std::map<std::string, const OutboxAnswer*> by_id;
    for (const auto& a : answers) by_id[a.id] = &a;
    std::vector<OutboxItem> unanswered;
    {
      Transaction tx(db);
      if (!tx.ok()) return tx.status();
      for (const auto& item : items) {
        auto it = by_id.find(item.id);
        if (it == by_id.end()) {
          unanswered.push_back(item);
          continue;
        }
        const OutboxAnswer& a = *it->second;
        Status marked;
        if (a.status == "accepted") {
          s = outbox_mark(db, item.id, OutboxState::accepted, a.ref, "", "", 0);
          ++ctx.result.outbox_accepted;
        } else {
          // The sentence is what the animator and the visitor read; the code stays in logs.
          s = outbox_mark(db, item.id, OutboxState::rejected, "",
                          a.message.empty() ? a.reason : a.message, "", 0);
          ++ctx.result.outbox_rejected;
        }
        // Not recorded: the items stay `sending` and the next sync sends them again; the
        // server answers a replay with this same answer.
        if (!s) return s;
        ++ctx.result.outbox_sent;
      }
      s = tx.commit();
      if (!s) return s;
    }
    reached_step(step::kAnswerRecorded);
    sent += static_cast<int64_t>(items.size());
    if (!unanswered.empty()) {
      Status missing = Status::error("malformed_response",
                                     "Le serveur n'a pas répondu pour toutes les demandes.");
      return requeue(ctx, unanswered, missing);
    }
  }
}

Status pull_status(SyncContext& ctx, HttpClient& http) {
  Database& db = ctx.db;
  std::string since = sync_value_get(db, "status_cursor").value_or("");
  if (since.empty()) since.assign(1, '0');  // (not `= "0"`: GCC 12 -Wrestrict false positive)
  bool first = true;
  while (true) {
    std::vector<std::string> headers = {ctx.auth_header()};
    if (first) headers.push_back("If-None-Match: \"" + since + "\"");
    HttpResponse r;
    Status s = http.get(ctx.base_url + "/v1/outbox/status?since=" + since, headers, r);
    ctx.count(r);
    if (!s) return s;
    if (r.status == 304) return Status::success();
    if (r.status != 200) return http_error_status(r);
    OutboxStatusPage page;
    s = parse_outbox_status_page(r.body, page);
    if (!s) return s;
    ctx.report(SyncPhase::status_pull, ctx.result.status_changes, -1);
    Transaction tx(db);
    if (!tx.ok()) return tx.status();
    for (const auto& change : page.changes) {
      auto item = outbox_get(db, change.id);
      if (!item) continue;  // purged or from another terminal of the site
      const std::string reason = change.message.empty() ? change.reason : change.message;
      s = outbox_mark(db, item->id, OutboxState::rejected, item->server_ref, reason, "", 0);
      if (!s) return s;
      ++ctx.result.status_changes;
    }
    s = sync_value_set(db, "status_cursor", page.cursor);
    if (!s) return s;
    s = tx.commit();
    if (!s) return s;
    if (!page.has_more || page.cursor == since) return Status::success();
    since = page.cursor;
    first = false;
  }
}

}  // namespace eric
