from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, format_date
from odoo.tools.sql import escape_psql

from .. import compat
from ..domain import bounds, classification, economics
from ..domain.cadence import reminder_shown_on
from ..domain.reminders import FIRST_CONTACT, TOUCH, days_late, slot_kind
from .partner_cadence_tier import (
    FINANCIAL_STANDING_SELECTION,
    INBOUND_FREQUENCY_SELECTION,
    RELATIONSHIP_SELECTION,
)
from .res_partner_cadence import SYNC_REQUESTED


class ResPartner(models.Model):
    """Partners on a cadence: their tier and its suggestion, first-contact information,
    qualification and last touch. Each capability's file owns its fields and what their
    changes set off (schedules: res_partner_cadence.py; reminders' owner:
    res_partner_cadence_planning.py; values: res_partner_value.py; introductions:
    res_partner_referral_tree.py)."""

    _inherit = "res.partner"

    cadence_tier_id = fields.Many2one(
        "partner.cadence.tier",
        compute="_compute_cadence_tier_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        tracking=True,
        ondelete="restrict",
        domain="['|', ('company_id', '=', False), ('company_id', 'in', allowed_company_ids)]",
        help="How often this partner is contacted. No tier, no reminders.",
    )

    cadence_tier_pinned = fields.Boolean(
        string="Tier Set by Hand",
        help="A tier chosen by hand stays; otherwise the suggested tier applies by itself.",
    )

    cadence_suggested_tier_id = fields.Many2one(
        "partner.cadence.tier",
        string="Suggested Tier",
        compute="_compute_cadence_suggested_tier_id",
        store=True,
        precompute=True,
    )

    cadence_suggested_client_level_id = fields.Many2one(
        "partner.cadence.tier",
        string="Suggested Client Level",
        compute="_compute_cadence_suggested_tier_id",
        store=True,
        precompute=True,
    )

    cadence_client_level_id = fields.Many2one(
        "partner.cadence.tier",
        string="Also a Client at Level",
        compute="_compute_cadence_client_level_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        tracking=True,
        ondelete="restrict",
        domain="['|', ('company_id', '=', False), ('company_id', 'in', allowed_company_ids)]",
        help="A channel partner who is also a client: its client level's quotas apply beside the partner "
        "rhythm, and every touch counts toward both.",
    )

    cadence_inbound_frequency = fields.Selection(
        INBOUND_FREQUENCY_SELECTION,
        string="Target Clients Call Them",
        help="How often our target clients call this partner: it suggests the partner tier.",
    )

    cadence_financial_standing = fields.Selection(FINANCIAL_STANDING_SELECTION, string="Financial Standing")

    cadence_relationship = fields.Selection(RELATIONSHIP_SELECTION, string="Relationship")

    last_touch_date = fields.Date(
        compute="_compute_last_touch_date",
        inverse="_inverse_last_touch_date",
        store=True,
        precompute=True,
        tracking=True,
        help="When this partner was last really contacted: a done activity, a meeting, an e-mail, or set by hand.",
    )

    next_touch_date = fields.Date(
        index="btree_not_null",
        readonly=True,
        help="When the next contact is due: the earliest due date of the tier's lines.",
    )
    cadence_next_touch_notice = fields.Char(
        compute="_compute_cadence_next_touch_notice",
        string="Next Reminder",
        help="When no reminder is open: when the next touch is due and when its reminder reaches the inbox.",
    )
    cadence_days_late = fields.Integer(
        compute="_compute_cadence_days_late",
        string="Days Late",
        help="Days since the next contact fell due; 0 when it is not late.",
    )

    cadence_paused_until = fields.Date(string="Pause Cadence Until", help="No reminder is due before this day.")
    cadence_unanswered_count = fields.Integer(
        string="Unanswered Calls in a Row", readonly=True, help="Reset by any real contact."
    )

    cadence_do_not_contact = fields.Boolean(string="Do Not Contact", help="No cadence reminder at all.")

    cadence_schedule_ids = fields.One2many("partner.cadence.schedule", "partner_id", string="Cadence Quotas")

    cadence_touch_ids = fields.One2many("partner.cadence.touch", "partner_id", string="Touches")

    cadence_reminder_count = fields.Integer(compute="_compute_cadence_reminder_count", string="Cadence Reminders")

    preferred_channel_id = fields.Many2one(
        "mail.activity.type",
        help="How this contact wants to be reached: nurture touches of their leads use it.",
    )

    cadence_private_individual = fields.Boolean(
        string="Private Individual", help="Works on their own: no organisation to record."
    )

    first_contact_missing = fields.Char(
        compute="_compute_first_contact", store=True, precompute=True, string="Missing Codes"
    )

    first_contact_complete = fields.Boolean(
        compute="_compute_first_contact", store=True, precompute=True, string="First-Contact Information Complete"
    )

    first_contact_missing_display = fields.Char(
        compute="_compute_first_contact_missing_display", string="Missing First-Contact Information"
    )

    source_id = fields.Many2one("utm.source", ondelete="set null", index="btree_not_null")

    cadence_deal_count = fields.Integer(string="Deals", help="How many deals go through this partner per period.")

    cadence_deal_period = fields.Selection(
        [("week", "per week"), ("month", "per month"), ("quarter", "per quarter"), ("year", "per year")],
        string="Deals Period",
        default="year",
    )

    cadence_market_share = fields.Float(
        compute="_compute_cadence_market_share",
        string="Market Share (%)",
        digits=(16, 1),
        help="The partner's deals per year over the market size set in the CRM settings.",
    )

    cadence_idle_inbound_frequency = fields.Selection(
        INBOUND_FREQUENCY_SELECTION,
        string="Clients Come Without Offer",
        help="How often target clients reach this partner when the partner has nothing for them: leads to pass on.",
    )

    cadence_team_size = fields.Integer(string="Team Size", help="People in the partner's company or group.")

    @api.depends(
        "cadence_inbound_frequency",
        "cadence_idle_inbound_frequency",
        "cadence_deal_count",
        "cadence_deal_period",
        "cadence_financial_standing",
        "cadence_relationship",
        "company_id",
    )
    def _compute_cadence_suggested_tier_id(self):
        # Partners nobody has qualified (every partner Odoo creates, converting a lead say)
        # suggest nothing, and cost no query.
        answered = self.filtered(
            lambda partner: partner.cadence_inbound_frequency
            or partner.cadence_idle_inbound_frequency
            or partner.cadence_deal_count
            or partner.cadence_financial_standing
            or partner.cadence_relationship
        )
        (self - answered).cadence_suggested_tier_id = False
        (self - answered).cadence_suggested_client_level_id = False
        if not answered:
            return
        tiers = self.env["partner.cadence.tier"].sudo().search([("inbound_frequency", "!=", False)])
        grid = self.env["partner.cadence.level.cell"]._get_grid()
        settings = self.env["partner.cadence.planner"]._get_settings()
        rules_by_company = {}
        for partner in answered:
            company = partner.company_id.id
            if company not in rules_by_company:
                rules_by_company[company] = (
                    [tier._get_suggestion_rule() for tier in tiers if tier.company_id.id in (False, company)],
                    {
                        pair: tier_id
                        for pair, (tier_id, tier_company) in grid.items()
                        if tier_company in (False, company)
                    },
                )
            rules, company_grid = rules_by_company[company]
            inbound = classification.most_frequent(
                partner.cadence_inbound_frequency,
                partner.cadence_idle_inbound_frequency,
                classification.frequency_from_market_share(
                    partner.cadence_market_share, settings.share_monthly_percent, settings.share_rare_percent
                ),
            )
            tier_id, level_id = classification.suggest(
                rules,
                company_grid,
                inbound_frequency=inbound,
                financial_standing=partner.cadence_financial_standing or None,
                relationship=partner.cadence_relationship or None,
            )
            partner.cadence_suggested_tier_id = tier_id
            partner.cadence_suggested_client_level_id = level_id

    @api.model
    def _get_cadence_answered_domain(self):
        """Partners whose qualification answers make a suggestion: the only ones a change of
        the tiers, the grid or the market-share settings can move."""
        return compat.domain_or(
            [
                [("cadence_inbound_frequency", "!=", False)],
                [("cadence_idle_inbound_frequency", "!=", False)],
                [("cadence_deal_count", ">", 0)],
                [("cadence_financial_standing", "!=", False)],
                [("cadence_relationship", "!=", False)],
            ]
        )

    def _cadence_rederive(self, inputs):
        """Hook of ``partner.cadence.planner._rederive``: the answers in ``inputs`` did not
        change, their meaning did (a tier, a grid cell, a threshold). Recompute what depends on
        them and re-plan the partners whose tier or client level moved with it (a tier chosen
        by hand stays), and those saved without planning (see ``_request_cadence_sync``)."""

        def levels(partner):
            return partner.cadence_tier_id, partner.cadence_client_level_id

        before = {partner.id: levels(partner) for partner in self}
        self.modified(inputs)
        self.env.flush_all()
        self.filtered(
            lambda partner: levels(partner) != before[partner.id] or SYNC_REQUESTED in inputs
        )._sync_cadence_schedules()

    @api.depends("next_touch_date", "activity_ids.cadence_slot")
    @api.depends_context("tz", "lang")
    def _compute_cadence_next_touch_notice(self):
        today = fields.Date.context_today(self)
        horizon = self.env["partner.cadence.planner"]._get_settings().horizon_days
        waiting = self.filtered("next_touch_date")
        # Only an open touch says it all: an ask for referrals or a warm call is not the touch.
        planned = {
            reminder.res_id
            for reminder in waiting._get_cadence_reminders()
            if slot_kind(reminder.cadence_slot) in (TOUCH, FIRST_CONTACT)
        }
        for partner in self:
            if partner not in waiting or partner.id in planned:
                partner.cadence_next_touch_notice = False
                continue
            partner.cadence_next_touch_notice = self.env._(
                "Next touch due on %(due)s: its reminder reaches the inbox on %(shown)s.",
                due=format_date(self.env, partner.next_touch_date),
                shown=format_date(self.env, reminder_shown_on(partner.next_touch_date, today, horizon)),
            )

    @api.depends("next_touch_date")
    @api.depends_context("tz")
    def _compute_cadence_days_late(self):
        today = fields.Date.context_today(self)
        for partner in self:
            partner.cadence_days_late = days_late(partner.next_touch_date, today) if partner.next_touch_date else 0

    @api.depends("cadence_touch_ids.date", "cadence_touch_ids.origin", "cadence_touch_ids.activity_type_id")
    def _compute_last_touch_date(self):
        """Read from the touches, the one record of each contact: the latest counted one,
        asking for referrals aside (not a contact of the cadence); an older touch never moves
        it back."""
        counted = self.env["partner.cadence.touch"]._counted_origins()
        ask_type_id = self.env["ir.model.data"]._xmlid_to_res_id("partner_cadence.mail_activity_type_ask_referrals")
        for partner in self:
            partner.last_touch_date = max(
                (
                    touch.date
                    for touch in partner.cadence_touch_ids
                    if touch.origin in counted and touch.activity_type_id.id != ask_type_id
                ),
                default=False,
            )

    def _inverse_last_touch_date(self):
        """A last touch set by hand is a touch set by hand, recorded as any touch is. It says
        when the last contact was: later dates set by hand before were mistakes and go; real
        contacts recorded since stay, and keep the date theirs."""
        # What a user types is checked; what the touches say is not re-checked as days pass.
        self._check_cadence_dates("last_touch_date", future_allowed=False)
        touches = self.env["partner.cadence.touch"].sudo()
        for partner in self.filtered("last_touch_date"):
            touches.search(
                [("partner_id", "=", partner.id), ("origin", "=", "manual"), ("date", ">", partner.last_touch_date)]
            ).unlink()
        touches._record(
            [
                {"partner_id": partner.id, "date": partner.last_touch_date, "origin": "manual"}
                for partner in self
                if partner.last_touch_date
            ]
        )

    def _read_last_touch_from_touches(self):
        """Odoo keeps the value a user typed over what its inverse changed: read it again from
        the touches, where a real contact recorded since keeps its later date."""
        self.env.add_to_compute(self._fields["last_touch_date"], self)

    @api.depends("cadence_suggested_tier_id", "cadence_tier_pinned")
    def _compute_cadence_tier_id(self):
        for partner in self:
            if not partner.cadence_tier_pinned and partner.cadence_suggested_tier_id:
                partner.cadence_tier_id = partner.cadence_suggested_tier_id
            else:
                partner.cadence_tier_id = partner.cadence_tier_id

    @api.depends("cadence_suggested_client_level_id")
    def _compute_cadence_client_level_id(self):
        for partner in self:
            partner.cadence_client_level_id = partner.cadence_suggested_client_level_id

    @api.depends(
        "name", "is_company", *compat.PARTNER_PHONE_FIELDS, "parent_id", "company_name", "cadence_private_individual"
    )
    def _compute_first_contact(self):
        for partner in self:
            missing = classification.missing_first_contact(
                partner.name,
                partner.is_company,
                has_phone=any(partner[field] for field in compat.PARTNER_PHONE_FIELDS),
                has_organisation=bool(partner.parent_id or partner.company_name),
                is_private=partner.cadence_private_individual,
            )
            partner.first_contact_missing = ",".join(missing)
            partner.first_contact_complete = not missing

    @api.depends("first_contact_missing")
    def _compute_first_contact_missing_display(self):
        labels = self._get_first_contact_labels()
        for partner in self:
            codes = (partner.first_contact_missing or "").split(",")
            partner.first_contact_missing_display = ", ".join(labels[code] for code in codes if code)

    def _get_secondary_labels(self):
        return {
            classification.DEAL_VOLUME: self.env._("deal volume"),
            classification.IDLE_INBOUND: self.env._("clients coming without an offer"),
            classification.TEAM_SIZE: self.env._("team size"),
            classification.COLLEAGUES: self.env._("colleagues"),
            classification.THIRD_PARTIES: self.env._("third parties"),
        }

    def _get_missing_secondary(self):
        """{partner id: labels of the secondary information still unknown} of these channel
        partners (on a tier chosen by how often target clients call them): one query for the
        recommendations they made."""
        channel = self.filtered(lambda partner: partner.cadence_tier_id.inbound_frequency)
        if not channel:
            return {}
        kinds = defaultdict(set)
        for referrer, kind in (
            self.env["res.partner.referral"]
            .sudo()
            ._read_group([("referrer_id", "in", channel.ids)], ["referrer_id", "kind_id"])
        ):
            kinds[referrer.id].add(kind.id)
        colleague = self.env["ir.model.data"]._xmlid_to_res_id("partner_cadence.res_partner_referral_kind_colleague")
        third_party = self.env["ir.model.data"]._xmlid_to_res_id(
            "partner_cadence.res_partner_referral_kind_third_party"
        )
        labels = self._get_secondary_labels()
        return {
            partner.id: [
                labels[code]
                for code in classification.missing_secondary(
                    partner.cadence_deal_count,
                    bool(partner.cadence_idle_inbound_frequency),
                    partner.cadence_team_size,
                    colleague in kinds[partner.id],
                    third_party in kinds[partner.id],
                )
            ]
            for partner in channel
        }

    def _get_first_contact_labels(self):
        return {
            classification.FULL_NAME: self.env._("full name"),
            classification.PHONE: self.env._("phone"),
            classification.ORGANISATION: self.env._("organisation or private individual"),
        }

    @api.depends("cadence_deal_count", "cadence_deal_period")
    def _compute_cadence_market_share(self):
        market_size = self.env["partner.cadence.planner"]._get_settings().market_size
        for partner in self:
            if market_size > 0 and partner.cadence_deal_count > 0:
                yearly = economics.deals_per_year(partner.cadence_deal_count, partner.cadence_deal_period or "year")
                partner.cadence_market_share = economics.market_share(yearly, market_size)
            else:
                partner.cadence_market_share = 0.0

    def _compute_cadence_reminder_count(self):
        counts = dict(
            self.env["mail.activity"]._read_group(
                [("res_model", "=", "res.partner"), ("res_id", "in", self.ids), ("cadence_slot", "!=", False)],
                ["res_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.cadence_reminder_count = counts.get(partner.id, 0)

    @api.constrains("cadence_paused_until")
    def _check_cadence_paused_until(self):
        self._check_cadence_dates("cadence_paused_until", future_allowed=True)

    def _check_cadence_dates(self, field_name, future_allowed):
        today = fields.Date.context_today(self)
        for partner in self:
            problem = bounds.date_problem(partner[field_name] or None, today, future_allowed=future_allowed)
            if problem:
                partner._raise_cadence_date_problem(field_name, problem)

    def _raise_cadence_date_problem(self, field_name, problem):
        values = {
            "partner": self.display_name,
            "field": self._fields[field_name].get_description(self.env)["string"],
        }
        if problem == "too_early":
            raise ValidationError(self.env._("%(partner)s: %(field)s cannot be before 1900.", **values))
        if problem == "in_future":
            raise ValidationError(
                self.env._("%(partner)s: %(field)s cannot be in the future: a touch counts once it happened.", **values)
            )
        raise ValidationError(
            self.env._("%(partner)s: %(field)s is too far ahead: planning reaches about five years.", **values)
        )

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        partners.browse(
            partner.id for partner, vals in zip(partners, vals_list, strict=True) if vals.get("last_touch_date")
        )._read_last_touch_from_touches()
        partners.browse(
            partner.id
            for partner, vals in zip(partners, vals_list, strict=True)
            if "cadence_tier_id" in vals and "cadence_tier_pinned" not in vals
        )._pin_hand_chosen_tiers()
        return partners

    def write(self, vals):
        result = super().write(vals)
        if "last_touch_date" in vals:
            self._read_last_touch_from_touches()
        if "cadence_tier_id" in vals and "cadence_tier_pinned" not in vals:
            self._pin_hand_chosen_tiers()
        return result

    def _pin_hand_chosen_tiers(self):
        """Pin the tiers that differ from the suggestion: those were chosen by hand and stay.

        A tier equal to the suggestion is not a choice: the form sends back the tier its
        onchange computed with every answer, and that one must keep following the answers.
        """
        changes = {True: self.browse(), False: self.browse()}
        for partner in self:
            chosen = partner.cadence_tier_id != partner.cadence_suggested_tier_id
            if partner.cadence_tier_pinned != chosen:
                changes[chosen] |= partner
        # Not self.write: the caller syncs the schedules once, after this.
        return all(
            super(ResPartner, partners).write({"cadence_tier_pinned": pinned}) for pinned, partners in changes.items()
        )

    @api.model
    def _find_cadence_match(self, name, phone, email):
        """The partner already in the base for this person, by phone (compared as
        ``classification.phone_match_key`` says), then e-mail, then name (see
        ``_find_cadence_contact_match`` for a match that the name alone never decides)."""
        return self._find_cadence_contact_match(phone, email) or self._find_cadence_name_match(name)

    @api.model
    def _find_cadence_contact_match(self, phone, email):
        """The partner already in the base with this phone or, failing that, this e-mail."""
        partners = self.env["res.partner"]
        digits = classification.phone_match_key(phone)
        if digits:
            self.env.flush_all()
            rows = self.env.execute_query(
                SQL(
                    r"""
                    SELECT id FROM res_partner
                     WHERE active AND (%(matches)s)
                    """,
                    matches=SQL(" OR ").join(
                        SQL(
                            r"right(regexp_replace(%s, '\D', '', 'g'), %s) = %s",
                            SQL.identifier(field),
                            len(digits),
                            digits,
                        )
                        for field in compat.PARTNER_PHONE_FIELDS
                    ),
                )
            )
            # Every match, then the first the user may read: another company's partner with the
            # same number must not hide the one they work with.
            partner = partners.search([("id", "in", [row[0] for row in rows])], order="id", limit=1)
            if partner:
                return partner
        if email:
            # =ilike compares without case but reads % and _ as wildcards: escape them.
            partner = partners.search([("email", "=ilike", escape_psql(email.strip()))], limit=1)
            if partner:
                return partner
        return partners

    @api.model
    def _find_cadence_name_match(self, name):
        """A partner of exactly this name (case aside): a proposal, as two people share names."""
        if not (name or "").strip():
            return self.env["res.partner"]
        return self.env["res.partner"].search([("name", "=ilike", escape_psql(name.strip()))], limit=1)

    def action_apply_suggested_tier(self):
        self.write({"cadence_tier_pinned": False})

    def action_open_cadence_reminders(self):
        self.ensure_one()
        # Called over RPC too: an action about a record is for those who may read it.
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id("mail.mail_activity_action")
        action["domain"] = [
            ("res_model", "=", "res.partner"),
            ("res_id", "=", self.id),
            ("cadence_slot", "!=", False),
        ]
        action["context"] = {"create": False}
        return action
