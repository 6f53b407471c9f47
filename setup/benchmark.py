"""Benchmark of the partner cadence planner against a naive loop, in one run.

Builds a base of N partners with a realistic tier mix (a tenth weekly, the rest spread over
monthly, bimonthly and quarterly; last touches over the past four months), then prints:
- the first full planning by the scheduled action: time and reminders per second;
- the same work done naively, one ``activity_schedule`` call per partner, on a sample;
- the same again through stock batched ``mail.activity.create`` (one create, a list of values),
  with its notice mails and without them (``mail_activity_quick_update``: the ORM's ceiling);
- the ratio of our rate to each;
- the time of a rerun that has nothing to do;
- the manager's board read whole (one SQL view) against a naive per-salesperson ORM loop;
- the nightly pass by two Odoo processes at once on one database (as two cron workers of a
  company that outgrew one server run it) against one: the speed-up, and that every slot
  holds one reminder;
- the planner's peak Python memory at N/10 and at N partners (flat means batches work);
- the time a manager waits to save a tier shared by a third of the base (its partners are
  re-planned by the scheduled action it triggers, not in the request), and an admin to save a
  setting that a third of the base's suggestions read (against saving Settings unchanged),
  then the nightly pass's re-derivation of them;
- the set-based pass over the clients' purchase histories (repurchase dates, plans, ABC and
  XYZ) against a naive per-client loop, and its rerun with nothing new;
- "who can introduce me?" over a tree of referrals between all N partners: the recursive
  query's time per target against a naive search (all links loaded, searched in Python).

Run through setup/benchmark, which prepares the database; the base is built with SQL because
building it is not what is measured.
"""

import argparse
import random
import statistics
import subprocess
import sys
import time
import tracemalloc

import odoo
from odoo import api
from odoo.tools import SQL

TIER_MIX = (
    ("partner_cadence.partner_cadence_tier_weekly", 10),
    ("partner_cadence.partner_cadence_tier_monthly", 30),
    ("partner_cadence.partner_cadence_tier_bimonthly", 30),
    ("partner_cadence.partner_cadence_tier_quarterly", 30),
)
SALESPEOPLE = 5


def build_base(env, first, count):
    """Insert partners numbered first..first+count-1 with their cadence schedules."""
    users = env["res.users"].search([("login", "like", "bench_sales_%")], order="id")
    tiers = [(env.ref(xmlid), weight) for xmlid, weight in TIER_MIX]
    buckets = []
    for tier, weight in tiers:
        buckets += [tier] * weight
    cases = SQL(" ").join(SQL("WHEN %s THEN %s", index, tier.id) for index, tier in enumerate(buckets))
    line_cases = SQL(" ").join(SQL("WHEN %s THEN %s", tier.id, tier.line_ids[:1].id) for tier, _weight in tiers)
    env.cr.execute(
        SQL(
            """
            INSERT INTO res_partner (name, complete_name, phone, active, type, is_company,
                                     cadence_private_individual, first_contact_complete,
                                     first_contact_missing, cadence_tier_pinned, cadence_tier_id,
                                     user_id, last_touch_date, cadence_won_revenue, cadence_value,
                                     cadence_value_at_risk, create_date, write_date, create_uid, write_uid)
            SELECT 'Bench Realtor ' || n, 'Bench Realtor ' || n, '+373 69 ' || n, TRUE, 'contact', FALSE,
                   TRUE, TRUE, '', TRUE, CASE mod(n, %s) %s END,
                   (%s::int[])[1 + mod(n, %s)], CURRENT_DATE - mod(n, 120), 0, 0, 0,
                   NOW(), NOW(), 1, 1
              FROM generate_series(%s, %s) AS n
            """,
            len(buckets),
            cases,
            users.ids,
            len(users),
            first,
            first + count - 1,
        )
    )
    env.cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE commercial_partner_id IS NULL")
    # Next due = last touch + the tier's period: PostgreSQL clamps month ends like the domain does.
    env.cr.execute(
        SQL(
            """
            INSERT INTO partner_cadence_schedule (partner_id, line_id, kind, activity_type_id, start_date,
                                                  last_touch_date, next_due_date, company_id,
                                                  create_date, write_date, create_uid, write_uid)
            SELECT partner.id, CASE partner.cadence_tier_id %s END, 'touch', line.activity_type_id,
                   partner.last_touch_date, partner.last_touch_date,
                   (partner.last_touch_date + CASE tier.interval_unit
                        WHEN 'day' THEN make_interval(days => tier.interval_number)
                        WHEN 'week' THEN make_interval(weeks => tier.interval_number)
                        ELSE make_interval(months => tier.interval_number) END)::date,
                   NULL, NOW(), NOW(), 1, 1
              FROM res_partner partner
              JOIN partner_cadence_tier tier ON tier.id = partner.cadence_tier_id
              JOIN partner_cadence_tier_line line ON line.tier_id = tier.id
             WHERE partner.name LIKE %s
               AND NOT EXISTS (SELECT 1 FROM partner_cadence_schedule s WHERE s.partner_id = partner.id)
            """,
            line_cases,
            "Bench Realtor %",
        )
    )
    env.cr.execute(
        """
        UPDATE res_partner partner SET next_touch_date = schedule.next_due_date
          FROM partner_cadence_schedule schedule
         WHERE schedule.partner_id = partner.id AND partner.next_touch_date IS NULL
        """
    )
    env.cr.commit()
    env.invalidate_all()


def forget_reminders(env):
    env.cr.execute("DELETE FROM mail_activity WHERE res_model = 'res.partner'")
    env.cr.commit()
    env.invalidate_all()


def plan(env, with_memory=False):
    if with_memory:
        tracemalloc.start()
    start = time.perf_counter()
    planned = env["partner.cadence.planner"]._cron_plan_partners()
    elapsed = time.perf_counter() - start
    peak = 0
    if with_memory:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return planned, elapsed, peak


def worker(env):
    """One Odoo process's nightly pass, as a cron worker runs it (``--worker``)."""
    print(env["partner.cadence.planner"]._cron_plan_partners())


def several_workers(args, count):
    """The nightly pass run by ``count`` Odoo processes at once on one database: (wall time,
    reminders open, slots holding more than one)."""
    command = [sys.executable, __file__, "--worker", "-c", args.config, "-d", args.database]
    start = time.perf_counter()
    processes = [subprocess.Popen(command, stdout=subprocess.DEVNULL) for _ in range(count)]
    if any(process.wait() for process in processes):
        raise RuntimeError("a worker failed")
    return time.perf_counter() - start


def count_reminders(env):
    """(open partner reminders, slots holding more than one)."""
    env.cr.execute(
        """
        SELECT COUNT(*), COUNT(*) - COUNT(DISTINCT (res_id, cadence_slot))
          FROM mail_activity WHERE res_model = 'res.partner' AND active AND cadence_slot IS NOT NULL
        """
    )
    return env.cr.fetchone()


def due_sample(env, sample):
    horizon = env["partner.cadence.planner"]._get_settings().horizon_days
    return env["res.partner"].search(
        [
            ("name", "like", "Bench Realtor %"),
            ("next_touch_date", "<=", f"{odoo.fields.Date.add(odoo.fields.Date.today(), days=horizon)}"),
        ],
        limit=sample,
    )


def stock_batched(env, sample, quick=False):
    """Odoo's own batched path: ``mail.activity.create`` with the list of all values at once,
    as stock code creates many activities (with its notice mail to each assignee); ``quick``
    with ``mail_activity_quick_update``, no notice mail: the ORM's own ceiling."""
    partners = due_sample(env, sample)
    call_type = env.ref("mail.mail_activity_data_call")
    model_id = env["ir.model"]._get_id("res.partner")
    start = time.perf_counter()
    env["mail.activity"].with_context(mail_activity_quick_update=quick).create(
        [
            {
                "res_model_id": model_id,
                "res_id": partner.id,
                "activity_type_id": call_type.id,
                "date_deadline": partner.next_touch_date,
                "summary": partner.cadence_tier_id.name,
                "note": f"Last touch on {partner.last_touch_date}",
                "user_id": partner.user_id.id,
            }
            for partner in partners
        ]
    )
    env.cr.commit()
    return len(partners), time.perf_counter() - start


def naive(env, sample):
    """What a developer would write first: one activity_schedule call per due partner."""
    partners = due_sample(env, sample)
    start = time.perf_counter()
    for partner in partners:
        partner.activity_schedule(
            "mail.mail_activity_data_call",
            date_deadline=partner.next_touch_date,
            summary=partner.cadence_tier_id.name,
            note=f"Last touch on {partner.last_touch_date}",
            user_id=partner.user_id.id,
        )
    env.cr.commit()
    return len(partners), time.perf_counter() - start


def build_referral_tree(env):
    """Every bench partner but the first was introduced by an earlier one, three per introducer."""
    kind = env.ref("partner_cadence.res_partner_referral_kind_colleague")
    env.cr.execute(
        SQL(
            """
            WITH bench AS (
                SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM res_partner WHERE name LIKE %s
            )
            INSERT INTO res_partner_referral (referrer_id, referred_id, kind_id, date, status, company_id,
                                              create_date, write_date, create_uid, write_uid)
            SELECT parent.id, child.id, %s, CURRENT_DATE, 'to_contact', NULL, NOW(), NOW(), 1, 1
              FROM bench child JOIN bench parent ON parent.n = (child.n + 1) / 3
             WHERE child.n > 1
            """,
            "Bench Realtor %",
            kind.id,
        )
    )
    env.cr.execute(
        """
        UPDATE res_partner partner SET referred_by_id = referral.referrer_id
          FROM res_partner_referral referral WHERE referral.referred_id = partner.id
        """
    )
    env.cr.commit()
    env.invalidate_all()


def save_tier(env):
    """Seconds to save a change to the monthly tier, as a sales manager's request does."""
    tier = env.ref("partner_cadence.partner_cadence_tier_monthly")
    partners = env["res.partner"].search_count([("cadence_tier_id", "=", tier.id)])
    start = time.perf_counter()
    tier.write({"interval_number": 2})
    env.cr.commit()
    elapsed = time.perf_counter() - start
    tier.write({"interval_number": 1})
    env.cr.execute(SQL("UPDATE partner_cadence_tier SET replan_requested_at = NULL"))
    env.cr.commit()
    env.invalidate_all()
    return partners, elapsed


def board(env):
    """The manager's board (one SQL view) read whole, as its list view reads it: (rows, seconds)."""
    env.invalidate_all()
    start = time.perf_counter()
    rows = env["partner.cadence.board"].search_read([], ["user_id", "overdue_count", "value_at_risk"])
    return len(rows), time.perf_counter() - start


def naive_board(env):
    """The same figures a developer would first compute: per salesperson, their overdue
    reminders searched, then each partner's value at risk read through the ORM."""
    env.invalidate_all()
    start = time.perf_counter()
    today = env.cr.now().date()
    for user in env["mail.activity"].search([("cadence_slot", "!=", False)]).user_id:
        overdue = env["mail.activity"].search(
            [("user_id", "=", user.id), ("cadence_slot", "!=", False), ("date_deadline", "<", today)]
        )
        partners = env["res.partner"].browse({activity.res_id for activity in overdue})
        sum(partner.cadence_value_at_risk for partner in partners)
    return time.perf_counter() - start


def save_setting(env):
    """Seconds an admin waits to save the market size in Settings, with a third of the base
    qualified by their deals (their suggested tier reads it), against saving Settings with
    nothing changed; then the nightly pass's re-derivation of those partners."""
    env.cr.execute(
        SQL("UPDATE res_partner SET cadence_deal_count = 12 WHERE name LIKE 'Bench Realtor %%' AND mod(id, 3) = 0")
    )
    env.cr.commit()
    env.invalidate_all()
    qualified = env["res.partner"].search_count([("cadence_deal_count", ">", 0)])
    timings = []
    for market_size in (100, 150):
        settings = env["res.config.settings"].create({"partner_cadence_market_size": market_size})
        start = time.perf_counter()
        settings.execute()
        env.cr.commit()
        timings.append(time.perf_counter() - start)
    start = time.perf_counter()
    env["partner.cadence.rederivation"]._run_pending()
    rederived = time.perf_counter() - start
    env.invalidate_all()
    return qualified, timings[0], timings[1], rederived


def build_purchases(env):
    """Four won opportunities, about a quarter apart, for every third bench partner."""
    won_stage = env["crm.stage"].search([("is_won", "=", True)], limit=1)
    env.cr.execute(
        SQL(
            """
            INSERT INTO crm_lead (name, type, partner_id, stage_id, expected_revenue, date_closed, active,
                                  probability, qualification_need, qualification_desire, qualification_funds,
                                  qualification_authority, create_date, write_date, create_uid, write_uid)
            SELECT 'Bench order ' || partner.id || '-' || k, 'opportunity', partner.id, %s,
                   1000 + mod(partner.id, 7) * 100,
                   NOW() - ((k * 90 + mod(partner.id, 30)) * INTERVAL '1 day'), TRUE, 100,
                   'unknown', 'unknown', 'unknown', 'unknown', NOW(), NOW(), 1, 1
              FROM res_partner partner, generate_series(0, 3) AS k
             WHERE partner.name LIKE %s AND mod(partner.id, 3) = 0
            """,
            won_stage.id,
            "Bench Realtor %",
        )
    )
    env.cr.commit()
    env.invalidate_all()


def refresh_clients(env):
    """Seconds for the set-based pass over every client's purchase history."""
    start = time.perf_counter()
    env["res.partner"]._refresh_cadence_clients()
    return time.perf_counter() - start


def naive_clients(env, sample):
    """What a developer would write first: per client, read its won opportunities and write the
    forecast, one record at a time."""
    from odoo.addons.partner_cadence.domain.clients import repurchase_forecast

    clients = env["res.partner"].search([("name", "like", "Bench Realtor %"), ("cadence_purchase_count", ">", 0)])
    clients = clients[:sample]
    start = time.perf_counter()
    for client in clients:
        leads = env["crm.lead"].search([("partner_id", "=", client.id), ("stage_id.is_won", "=", True)])
        forecast = repurchase_forecast([lead.date_closed.date() for lead in leads], 3)
        client.write({"cadence_repurchase_date": forecast[1] if forecast else False})
    env.cr.rollback()
    return len(clients), time.perf_counter() - start


def salesperson_groups(env):
    """The values making a new user a salesperson: the field naming them differs by release."""
    # odoo.addons holds the addons only once the configuration is loaded, so not at the top.
    from odoo.addons.partner_cadence import compat

    return {compat.USER_GROUPS: [(4, env.ref("sales_team.group_sale_salesman").id)]}


def introductions(env, targets):
    """Time "who can introduce me?" for a user owning a handful of partners spread over the tree."""
    partners = env["res.partner"].search([("name", "like", "Bench Realtor %")], order="id")
    user = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "name": "Bench Introducer",
                "login": "bench_introducer",
                **salesperson_groups(env),
            }
        )
    )
    random.seed(7)
    # Owners in the upper tree, where introductions branch out below them.
    owned = env["res.partner"].browse(random.sample(partners.ids[:300], 10))
    env.cr.execute(SQL("UPDATE res_partner SET user_id = %s WHERE id IN %s", user.id, tuple(owned.ids)))
    env.cr.commit()
    env.invalidate_all()
    # Half the targets at random, half among the owned partners' descendants (the n-th bench
    # partner introduced the 3n-1th to the 3n+1th), 2 to 6 handshakes down, so that found
    # chains are timed too.
    ranks = {partner_id: rank for rank, partner_id in enumerate(partners.ids, start=1)}
    near = []
    for owner in owned.ids:
        rank = ranks[owner]
        for _depth in range(random.randint(2, 6)):
            rank = 3 * rank
        if rank <= len(partners):
            near.append(partners.ids[rank - 1])
    picked_ids = near[: targets // 2] + random.sample(partners.ids, targets - len(near[: targets // 2]))
    picked = env["res.partner"].with_user(user).browse(picked_ids)
    ours, found = [], 0
    for target in picked:
        start = time.perf_counter()
        chain = target._find_introduction_chain()
        ours.append(time.perf_counter() - start)
        found += chain is not None
    # odoo.addons holds the addons only once the configuration is loaded, so not at the top.
    from odoo.addons.partner_cadence.domain.referrals import introduction_path

    sources = set(owned.ids) | {user.partner_id.id, user.company_id.partner_id.id}
    hops = env["res.partner"]._introduction_max_hops()
    naive_times = []
    for target in picked[:5]:
        start = time.perf_counter()
        env.cr.execute("SELECT referrer_id, referred_id FROM res_partner_referral")
        introduction_path(env.cr.fetchall(), sources, target.id, hops)
        naive_times.append(time.perf_counter() - start)
    return statistics.median(ours), max(ours), found, statistics.median(naive_times)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--partners", type=int, default=100_000)
    parser.add_argument("--naive-sample", type=int, default=2_000, help="partners the naive loop plans")
    parser.add_argument("--introduction-targets", type=int, default=50, help="partners to find an introducer for")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    if args.worker:
        with registry.cursor() as cr:
            worker(api.Environment(cr, odoo.SUPERUSER_ID, {}))
        return
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        for index in range(SALESPEOPLE):
            env["res.users"].with_context(no_reset_password=True).create(
                {
                    "name": f"Bench Sales {index}",
                    "login": f"bench_sales_{index}",
                    **salesperson_groups(env),
                }
            )
        # The baselines put every reminder on its due date: so does the planner here, with no
        # cap on a salesperson's day (five salespeople could not work 100,000 partners anyway).
        env["ir.config_parameter"].set_param("partner_cadence.daily_capacity", 0)
        env.cr.commit()

        small = max(args.partners // 10, 1)
        build_base(env, 1, small)
        _planned, _elapsed, peak_small = plan(env, with_memory=True)
        forget_reminders(env)

        build_base(env, small + 1, args.partners - small)
        planned, elapsed, _peak = plan(env)
        noop_planned, noop_elapsed, _peak = plan(env)
        board_rows, board_elapsed = board(env)
        naive_board_elapsed = naive_board(env)
        forget_reminders(env)
        _planned, _elapsed, peak_large = plan(env, with_memory=True)
        forget_reminders(env)
        naive_count, naive_elapsed = naive(env, args.naive_sample)
        forget_reminders(env)
        stock_count, stock_elapsed = stock_batched(env, args.naive_sample)
        forget_reminders(env)
        ceiling_count, ceiling_elapsed = stock_batched(env, args.naive_sample, quick=True)
        forget_reminders(env)
        env.cr.commit()
        one_elapsed = several_workers(args, 1)
        one_reminders, _duplicates = count_reminders(env)
        forget_reminders(env)
        two_elapsed = several_workers(args, 2)
        two_reminders, two_duplicates = count_reminders(env)
        forget_reminders(env)
        tier_partners, tier_elapsed = save_tier(env)
        qualified, unchanged_elapsed, setting_elapsed, rederive_elapsed = save_setting(env)
        build_purchases(env)
        clients_elapsed = refresh_clients(env)
        env.cr.commit()
        clients_count = env["res.partner"].search_count([("cadence_purchase_count", ">", 0)])
        clients_noop = refresh_clients(env)
        env.cr.commit()
        naive_client_count, naive_client_elapsed = naive_clients(env, args.naive_sample)
        build_referral_tree(env)
        intro_median, intro_max, intro_found, intro_naive = introductions(env, args.introduction_targets)

    ours_rate = planned / elapsed
    naive_rate = naive_count / naive_elapsed
    print(f"partners:                 {args.partners:,}")
    print(f"planner, first run:       {planned:,} reminders in {elapsed:.2f} s = {ours_rate:,.0f} reminders/s")
    print(
        f"naive activity_schedule:  {naive_count:,} reminders in {naive_elapsed:.2f} s = {naive_rate:,.0f} reminders/s"
        f" (all {planned:,} would take {planned / naive_rate:.0f} s)"
    )
    stock_rate = stock_count / stock_elapsed
    print(
        f"stock batched create:     {stock_count:,} reminders in {stock_elapsed:.2f} s = {stock_rate:,.0f} reminders/s"
    )
    ceiling_rate = ceiling_count / ceiling_elapsed
    print(
        f"stock batched, no mail:   {ceiling_count:,} reminders in {ceiling_elapsed:.2f} s = "
        f"{ceiling_rate:,.0f} reminders/s (mail_activity_quick_update: the ORM's own ceiling)"
    )
    print(
        f"ratio:                    {ours_rate / naive_rate:.1f}x the naive loop, "
        f"{ours_rate / stock_rate:.1f}x stock batched create, {ours_rate / ceiling_rate:.0%} of the ORM's ceiling"
    )
    print(f"no-op rerun:              {noop_planned} reminders in {noop_elapsed:.3f} s")
    print(
        f"manager's board:          {board_rows} salespeople over {args.partners:,} partners in {board_elapsed:.3f} s;"
        f" naive per-salesperson loop {naive_board_elapsed:.2f} s = {naive_board_elapsed / board_elapsed:.0f}x"
    )
    print(
        f"two cron workers:         {two_reminders:,} reminders in {two_elapsed:.2f} s against {one_reminders:,} in "
        f"{one_elapsed:.2f} s by one = {one_elapsed / two_elapsed:.2f}x; slots holding two: {two_duplicates}"
    )
    print(
        f"peak memory of a run:     {peak_small / 2**20:.1f} MiB at {small:,} partners, "
        f"{peak_large / 2**20:.1f} MiB at {args.partners:,}"
    )
    print(f"saving a tier:            {tier_elapsed:.3f} s for a tier of {tier_partners:,} partners")
    print(
        f"saving a setting:         {setting_elapsed:.3f} s for the market size read by {qualified:,} partners' "
        f"suggestions (Settings saved with nothing changed: {unchanged_elapsed:.3f} s); "
        f"the nightly pass re-derives them in {rederive_elapsed:.2f} s"
    )
    clients_rate = clients_count / clients_elapsed
    naive_clients_rate = naive_client_count / naive_client_elapsed
    print(
        f"client pass (§7):         {clients_count:,} clients with purchase histories in {clients_elapsed:.2f} s"
        f" = {clients_rate:,.0f} clients/s; naive per-client loop {naive_clients_rate:,.0f} clients/s"
        f" = {clients_rate / naive_clients_rate:.1f}x; rerun with nothing new {clients_noop:.2f} s"
    )
    print(
        f"who can introduce me:     median {intro_median * 1000:.1f} ms, max {intro_max * 1000:.1f} ms over "
        f"{args.introduction_targets} targets ({intro_found} within reach); naive search median "
        f"{intro_naive * 1000:.1f} ms = {intro_naive / intro_median:.1f}x slower"
    )


if __name__ == "__main__":
    main()
