from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..domain.referrals import chain_closed_by
from ..domain.reminders import WARM_INTRO, Reminder, slot

REFERRAL_TREE_LOCK_TABLE = "partner_cadence_referral_tree_lock"


class ResPartnerReferral(models.Model):
    """One recommendation: ``referrer_id`` introduced ``referred_id`` (§3)."""

    _name = "res.partner.referral"
    _description = "Referral"
    _order = "date desc, id desc"
    # A recommendation never links partners of two companies: Odoo refuses it as on its own
    # documents, whichever path creates it (form, wizard, import, JSON-RPC).
    _check_company_auto = True

    referrer_id = fields.Many2one(
        "res.partner",
        string="Recommended By",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    referred_id = fields.Many2one(
        "res.partner",
        string="Recommended",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    kind_id = fields.Many2one(
        "res.partner.referral.kind",
        required=True,
        ondelete="restrict",
        default=lambda self: self.env.ref(
            "partner_cadence.res_partner_referral_kind_colleague", raise_if_not_found=False
        ),
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    note = fields.Text()
    introduction = fields.Boolean(
        string="Introduced Them",
        copy=False,
        help="This recommendation brought the partner to us: its referrer is the partner's Introduced By "
        "and their parent in the referral tree. One per partner; a partner's first recommendation by default.",
    )
    referrer_named = fields.Boolean(
        string="May Be Named",
        default=True,
        help='The referrer agreed to be named when we call. Off ("don\'t say I gave you the number"): calls and '
        "reminders say only that the call comes recommended.",
    )
    status = fields.Selection(
        [
            ("to_contact", "To contact"),
            ("contacted", "Contacted"),
            ("converted", "Converted"),
            ("declined", "Declined"),
        ],
        required=True,
        default="to_contact",
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="The company of the partners; the current one when both are shared between companies.",
    )

    def init(self):
        # One row that every change of the introduction tree updates first: see _lock_tree.
        self.env.cr.execute(
            SQL(
                "CREATE TABLE IF NOT EXISTS %s (id INTEGER PRIMARY KEY, version BIGINT NOT NULL DEFAULT 0)",
                SQL.identifier(REFERRAL_TREE_LOCK_TABLE),
            )
        )
        self.env.cr.execute(
            SQL("INSERT INTO %s (id) VALUES (1) ON CONFLICT DO NOTHING", SQL.identifier(REFERRAL_TREE_LOCK_TABLE))
        )
        # A partner is introduced by one recommendation at most.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS %s ON %s (referred_id) WHERE introduction",
                SQL.identifier(f"{self._table}_one_introduction"),
                SQL.identifier(self._table),
            )
        )

    @api.model
    def _lock_tree(self):
        """Serialize the changes of the introduction tree before checking them for circles.

        Two users adding A→B and B→A at once each see a tree without the other's link, and
        both checks pass. Updating one shared row first makes the second wait for the first,
        then fail with a serialization error: Odoo retries its request on a fresh snapshot,
        where the first link is visible and the circle is refused.
        """
        self.env.cr.execute(
            SQL("UPDATE %s SET version = version + 1 WHERE id = 1", SQL.identifier(REFERRAL_TREE_LOCK_TABLE))
        )

    @api.depends("referrer_id.company_id", "referred_id.company_id")
    def _compute_company_id(self):
        for referral in self:
            referral.company_id = (
                referral.referrer_id.company_id
                or referral.referred_id.company_id
                or referral.company_id
                or self.env.company
            )

    @api.depends("referrer_id", "referred_id")
    def _compute_display_name(self):
        for referral in self:
            referral.display_name = f"{referral.referrer_id.name} → {referral.referred_id.name}"

    @api.constrains("referrer_id", "referred_id", "kind_id")
    def _check_referral(self):
        for referral in self:
            if referral.referrer_id == referral.referred_id:
                raise ValidationError(
                    self.env._("%(partner)s cannot recommend themself.", partner=referral.referrer_id.name)
                )
            if self.search_count(
                [
                    ("id", "!=", referral.id),
                    ("referrer_id", "=", referral.referrer_id.id),
                    ("referred_id", "=", referral.referred_id.id),
                    ("kind_id", "=", referral.kind_id.id),
                ]
            ):
                raise ValidationError(
                    self.env._(
                        "%(referrer)s already recommended %(referred)s as %(kind)s.",
                        referrer=referral.referrer_id.name,
                        referred=referral.referred_id.name,
                        kind=referral.kind_id.name,
                    )
                )
            chain = referral._get_closed_chain()
            if chain:
                names = self.env["res.partner"]._get_readable_names(chain)
                raise ValidationError(
                    self.env._(
                        "This recommendation would close a circle of introductions: %(chain)s.",
                        chain=" → ".join(names[partner_id] for partner_id in chain),
                    )
                )

    def _get_closed_chain(self):
        """The introduction cycle this referral closes, as partner ids, else None.

        Only the partners the referred one leads to are read (a recursive query that stops at
        each partner already seen), then the domain names the chain.
        """
        self.ensure_one()
        self.env.flush_all()
        reachable = self.env.execute_query(
            SQL(
                """
                WITH RECURSIVE reachable(partner_id) AS (
                    SELECT %(start)s
                    UNION
                    SELECT referral.referred_id
                      FROM reachable
                      JOIN res_partner_referral referral ON referral.referrer_id = reachable.partner_id
                     WHERE referral.id <> %(self)s
                )
                SELECT referral.referrer_id, referral.referred_id
                  FROM res_partner_referral referral
                 WHERE referral.referrer_id IN (SELECT partner_id FROM reachable)
                   AND referral.id <> %(self)s
                   AND %(target)s IN (SELECT partner_id FROM reachable)
                """,
                start=self.referred_id.id,
                target=self.referrer_id.id,
                self=self.id,
            )
        )
        return chain_closed_by(reachable, self.referrer_id.id, self.referred_id.id)

    @api.model_create_multi
    def create(self, vals_list):
        self._lock_tree()
        self._drop_introductions([vals["referred_id"] for vals in vals_list if vals.get("introduction")])
        referrals = super().create(vals_list)
        referrals.browse(
            referral.id for referral, vals in zip(referrals, vals_list, strict=True) if "introduction" not in vals
        )._claim_introductions()
        referrals._schedule_warm_introductions()
        return referrals

    def write(self, vals):
        if {"referrer_id", "referred_id", "introduction"} & vals.keys():
            self._lock_tree()
        if "referrer_named" in vals:
            result = super().write(vals)
            self._retell_warm_introductions()
            return result
        if vals.get("introduction"):
            self._drop_introductions(vals.get("referred_id") or self.referred_id.ids, keep=self)
        if "referred_id" not in vals or "introduction" in vals:
            return super().write(vals)
        # Moved to another partner (a merge), a recommendation introduces them only if nothing
        # else does.
        result = super().write({**vals, "introduction": False})
        self._claim_introductions()
        return result

    def unlink(self):
        introductions = self.filtered("introduction")
        pairs = [(referral.referrer_id.id, referral.referred_id.id) for referral in introductions]
        result = super().unlink()
        # Another kind of recommendation from the same referrer still says who introduced them.
        for referrer, referred in pairs:
            self.search(
                [("referrer_id", "=", referrer), ("referred_id", "=", referred)], order="date, id", limit=1
            )._claim_introductions()
        return result

    def _drop_introductions(self, referred_ids, keep=None):
        """Before another recommendation becomes their introduction: the partner's previous one stops being it."""
        if isinstance(referred_ids, int):
            referred_ids = [referred_ids]
        # Every row counts, those the user may not read included: one introduction a partner.
        previous = self.sudo().search([("referred_id", "in", list(referred_ids)), ("introduction", "=", True)])
        if keep:
            previous -= keep.sudo()
        if previous:
            previous.write({"introduction": False})
            # Written before the new introduction, or one UPDATE of both breaks the unique index.
            previous.flush_recordset(["introduction"])

    def _claim_introductions(self):
        """A partner nobody introduced yet is introduced by their earliest recommendation among these."""
        introduced = set(
            self.sudo()
            .search([("referred_id", "in", self.referred_id.ids), ("introduction", "=", True)])
            .referred_id.ids
        )
        claiming = self.sudo().browse()
        for referral in self.sorted(lambda referral: (referral.date, referral.id)):
            if referral.referred_id.id not in introduced:
                introduced.add(referral.referred_id.id)
                claiming |= referral.sudo()
        if claiming:
            claiming.write({"introduction": True})

    def _schedule_warm_introductions(self):
        """A newly recommended partner gets a first call at once, made on the referrer's behalf:
        one, however many recommend them at the same time (the engine's warm-introduction slot)."""
        planner = self.env["partner.cadence.planner"]
        default_user = planner._get_default_responsible(planner._get_settings())
        today = fields.Date.context_today(self)
        intro_type = self.env.ref("partner_cadence.mail_activity_type_warm_intro")
        key_slot = slot(WARM_INTRO)
        wanted = {}
        referrers = {}
        for referral in self:
            referred = referral.referred_id.sudo()
            responsible = referred._get_cadence_responsible(
                referral.referrer_id.sudo()._get_cadence_responsible(default_user)
            )
            wanted.setdefault((referred.id, key_slot), Reminder(intro_type.id, today, responsible.id))
            referrers.setdefault(referred.id, referral.sudo())
        already = self.env["res.partner"].browse(referrers)._get_cadence_reminders([key_slot])
        for reminder in already:
            # A partner already awaiting their introduction call keeps it as it is.
            wanted.pop((reminder.res_id, key_slot))

        def describe(referred, _slot, _format_day):
            return referred._describe_warm_introduction(referrers[referred.id])

        self.env["res.partner"]._ensure_cadence_reminders(wanted, today, describe)

    def _retell_warm_introductions(self):
        """The open warm-introduction calls these recommendations led to say again whom to name,
        in their responsible's language."""
        reminders = self.referred_id._get_cadence_reminders([slot(WARM_INTRO)])
        for referral in self.sudo():
            for reminder in reminders.filtered(
                lambda reminder, referral=referral: reminder.res_id == referral.referred_id.id
            ):
                referred = referral.referred_id.with_context(lang=reminder.user_id.lang or self.env.lang)
                summary, lines = referred._describe_warm_introduction(referral.with_env(referred.env))
                reminder.with_context(mail_activity_quick_update=True).write(
                    {"summary": summary, "note": referred._render_cadence_note(lines)}
                )

    @api.model
    def _merge_partners(self, sources, destination):
        """Move the referrals of merged ``sources`` to ``destination``, dropping those that
        become duplicates or self-recommendations, so that the merge keeps the tree."""
        moved = {source.id: destination.id for source in sources}
        for referral in self.sudo().search(
            ["|", ("referrer_id", "in", sources.ids), ("referred_id", "in", sources.ids)]
        ):
            referrer = moved.get(referral.referrer_id.id, referral.referrer_id.id)
            referred = moved.get(referral.referred_id.id, referral.referred_id.id)
            duplicate = self.sudo().search_count(
                [
                    ("id", "!=", referral.id),
                    ("referrer_id", "=", referrer),
                    ("referred_id", "=", referred),
                    ("kind_id", "=", referral.kind_id.id),
                ]
            )
            if referrer == referred or duplicate:
                referral.unlink()
                continue
            try:
                with self.env.cr.savepoint():
                    referral.write({"referrer_id": referrer, "referred_id": referred})
            except ValidationError:
                # Merging two ends of a chain would close a circle: that link has no meaning left.
                referral.unlink()
