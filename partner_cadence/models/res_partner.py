import datetime
import logging
from collections import defaultdict

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, format_date, get_lang

from ..domain import bounds, classification, economics
from ..domain.cadence import add_interval, next_quota_touch, next_working_day, period_start, planning_cutoff
from .partner_cadence_tier import (
    FINANCIAL_STANDING_SELECTION,
    INBOUND_FREQUENCY_SELECTION,
    RELATIONSHIP_SELECTION,
)

_logger = logging.getLogger(__name__)

# Fields whose change decides which cadence lines a partner is on, or whether it is due.
CADENCE_SCHEDULE_FIELDS = {
    "cadence_tier_id",
    "cadence_paused_until",
    "cadence_do_not_contact",
    "active",
    "name",
    "phone",
    "mobile",
    "parent_id",
    "is_company",
    "company_name",
    "cadence_private_individual",
    "cadence_inbound_frequency",
    "cadence_financial_standing",
    "cadence_relationship",
    "cadence_tier_pinned",
}

# How far "who can introduce me?" looks: the six handshakes of DOMAIN.md section 3.
INTRODUCTION_MAX_HOPS_PARAM = "partner_cadence.introduction_max_hops"


# How many of the shortest chains are read to find one the user may see end to end: checking
# rights on a few chains is fast, restricting the walk itself to readable partners is not.
INTRODUCTION_CANDIDATE_CHAINS = 50


class ResPartner(models.Model):
    _inherit = "res.partner"

    # How many reminders one transaction of the planner creates: a killed run loses at most
    # one batch (redone by the next run), and each batch's cache is dropped to keep memory flat.

    # --- Tier and its suggestion ---------------------------------------------------------
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
    cadence_inbound_frequency = fields.Selection(
        INBOUND_FREQUENCY_SELECTION,
        string="Target Clients Call Them",
        help="How often our target clients call this partner: it suggests the partner tier.",
    )
    cadence_financial_standing = fields.Selection(FINANCIAL_STANDING_SELECTION, string="Financial Standing")
    cadence_relationship = fields.Selection(RELATIONSHIP_SELECTION, string="Relationship")

    # --- Touches and what is due -----------------------------------------------------------
    last_touch_date = fields.Date(
        tracking=True,
        help="When this partner was last really contacted: a done activity, a meeting, an e-mail, or set by hand.",
    )
    next_touch_date = fields.Date(
        index="btree_not_null",
        readonly=True,
        help="When the next contact is due: the earliest due date of the tier's lines.",
    )
    cadence_paused_until = fields.Date(string="Pause Cadence Until", help="No reminder is due before this day.")
    cadence_do_not_contact = fields.Boolean(string="Do Not Contact", help="No cadence reminder at all.")
    cadence_schedule_ids = fields.One2many("partner.cadence.schedule", "partner_id", string="Cadence Quotas")
    cadence_touch_ids = fields.One2many("partner.cadence.touch", "partner_id", string="Touches")
    cadence_reminder_count = fields.Integer(compute="_compute_cadence_reminder_count", string="Cadence Reminders")

    # --- First-contact information ----------------------------------------------------------
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

    # --- Secondary qualification --------------------------------------------------------------
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
    cadence_currency_id = fields.Many2one("res.currency", compute="_compute_cadence_currency_id")
    cadence_value_manual = fields.Monetary(
        string="Value Set by Hand",
        currency_field="cadence_currency_id",
        help="Replaces the revenue of won opportunities as the partner's value.",
    )
    cadence_won_revenue = fields.Monetary(
        string="Won Revenue",
        currency_field="cadence_currency_id",
        readonly=True,
        default=0.0,
        help="The revenue of the partner's won opportunities over the value window of the settings.",
    )
    cadence_value = fields.Monetary(
        string="Partner Value",
        compute="_compute_cadence_value",
        store=True,
        currency_field="cadence_currency_id",
        help="The value set by hand, or else the revenue of won opportunities over the value window.",
    )
    cadence_value_at_risk = fields.Monetary(
        string="Value at Risk",
        currency_field="cadence_currency_id",
        readonly=True,
        # Never NULL, so that the overdue list ordered by it puts the unvalued last.
        default=0.0,
        help="Months overdue x monthly loss x the partner's value.",
    )
    cadence_wallet_total = fields.Monetary(
        string="Total Category Purchases",
        currency_field="cadence_currency_id",
        help="What the client buys of the category in a year, from us and from competitors.",
    )
    cadence_share_of_wallet = fields.Float(
        compute="_compute_cadence_wallet", string="Share of Wallet (%)", digits=(16, 1)
    )
    cadence_upsell_potential = fields.Monetary(
        compute="_compute_cadence_wallet",
        string="Up-sell Potential",
        currency_field="cadence_currency_id",
        help="What the client still buys from competitors.",
    )

    # --- Referrals (the "six handshakes" tree) --------------------------------------------------
    referred_by_id = fields.Many2one(
        "res.partner",
        string="Introduced By",
        index="btree_not_null",
        ondelete="set null",
        tracking=True,
        help="Who introduced this partner: the first recommendation, and the parent in the referral tree.",
    )
    referred_partner_ids = fields.One2many("res.partner", "referred_by_id", string="Introduced Partners")
    referral_given_ids = fields.One2many("res.partner.referral", "referrer_id", string="Recommendations Given")
    referral_received_ids = fields.One2many("res.partner.referral", "referred_id", string="Recommendations Received")
    referral_count = fields.Integer(compute="_compute_referral_count", string="Recommendations")
    referral_depth = fields.Integer(compute="_compute_referral_tree", string="Handshakes from the Root")
    referral_path = fields.Char(compute="_compute_referral_tree", string="Introduction Chain")
    referral_subtree_size = fields.Integer(compute="_compute_referral_tree", string="Partners Introduced Through Them")
    referral_converted_count = fields.Integer(compute="_compute_referral_value", string="Recommendations Won")
    referral_revenue = fields.Monetary(
        compute="_compute_referral_value", currency_field="cadence_currency_id", string="Revenue from Recommendations"
    )
    introduction_path = fields.Char(
        compute="_compute_introduction_path",
        string="Who Can Introduce Me",
        help="The shortest chain of recommendations, either way, from your own partners or your company.",
    )

    # ---------------------------------------------------------------------------------------
    # Computes and constraints
    # ---------------------------------------------------------------------------------------

    @api.depends("cadence_inbound_frequency", "cadence_financial_standing", "cadence_relationship", "company_id")
    def _compute_cadence_suggested_tier_id(self):
        # Partners nobody has qualified (every partner Odoo creates, converting a lead say)
        # suggest nothing, and cost no query.
        answered = self.filtered(
            lambda partner: partner.cadence_inbound_frequency
            or partner.cadence_financial_standing
            or partner.cadence_relationship
        )
        (self - answered).cadence_suggested_tier_id = False
        if not answered:
            return
        tiers = self.env["partner.cadence.tier"].sudo().search([])
        rules_by_company = {}
        for partner in answered:
            if partner.company_id not in rules_by_company:
                rules_by_company[partner.company_id] = [
                    tier._get_suggestion_rule()
                    for tier in tiers
                    if not tier.company_id or tier.company_id == partner.company_id
                ]
            tier_id = classification.suggest_tier(
                rules_by_company[partner.company_id],
                inbound_frequency=partner.cadence_inbound_frequency or None,
                financial_standing=partner.cadence_financial_standing or None,
                relationship=partner.cadence_relationship or None,
            )
            partner.cadence_suggested_tier_id = tier_id

    @api.depends("cadence_suggested_tier_id", "cadence_tier_pinned")
    def _compute_cadence_tier_id(self):
        for partner in self:
            if not partner.cadence_tier_pinned and partner.cadence_suggested_tier_id:
                partner.cadence_tier_id = partner.cadence_suggested_tier_id
            else:
                partner.cadence_tier_id = partner.cadence_tier_id

    @api.depends("name", "is_company", "phone", "mobile", "parent_id", "company_name", "cadence_private_individual")
    def _compute_first_contact(self):
        for partner in self:
            missing = classification.missing_first_contact(
                partner.name,
                partner.is_company,
                has_phone=bool(partner.phone or partner.mobile),
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

    def _get_first_contact_labels(self):
        return {
            classification.FULL_NAME: self.env._("full name"),
            classification.PHONE: self.env._("phone"),
            classification.ORGANISATION: self.env._("organisation or private individual"),
        }

    @api.depends("cadence_deal_count", "cadence_deal_period")
    def _compute_cadence_market_share(self):
        market_size = int(self.env["ir.config_parameter"].sudo().get_param("partner_cadence.market_size") or 0)
        for partner in self:
            if market_size > 0 and partner.cadence_deal_count > 0:
                yearly = economics.deals_per_year(partner.cadence_deal_count, partner.cadence_deal_period or "year")
                partner.cadence_market_share = economics.market_share(yearly, market_size)
            else:
                partner.cadence_market_share = 0.0

    def _compute_cadence_currency_id(self):
        for partner in self:
            partner.cadence_currency_id = (partner.company_id or self.env.company).currency_id

    @api.depends("cadence_value_manual", "cadence_won_revenue")
    def _compute_cadence_value(self):
        for partner in self:
            partner.cadence_value = partner.cadence_value_manual or partner.cadence_won_revenue

    @api.depends("cadence_value", "cadence_wallet_total")
    def _compute_cadence_wallet(self):
        for partner in self:
            share = economics.share_of_wallet(partner.cadence_value or 0.0, partner.cadence_wallet_total)
            partner.cadence_share_of_wallet = share or 0.0
            partner.cadence_upsell_potential = max(partner.cadence_wallet_total - partner.cadence_value, 0.0)

    def _compute_cadence_reminder_count(self):
        counts = dict(
            self.env["mail.activity"]._read_group(
                [("res_model", "=", "res.partner"), ("res_id", "in", self.ids), ("cadence_reminder", "=", True)],
                ["res_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.cadence_reminder_count = counts.get(partner.id, 0)

    @api.constrains("last_touch_date", "cadence_paused_until")
    def _check_cadence_dates(self):
        today = fields.Date.context_today(self)
        for partner in self:
            for field_name, future_allowed in (("last_touch_date", False), ("cadence_paused_until", True)):
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

    @api.constrains("cadence_deal_count", "cadence_team_size", "cadence_value_manual", "cadence_wallet_total")
    def _check_cadence_qualification(self):
        for partner in self:
            if partner.cadence_deal_count < 0:
                raise ValidationError(
                    self.env._("%(partner)s: a number of deals cannot be negative.", partner=partner.name)
                )
            if partner.cadence_team_size < 0:
                raise ValidationError(self.env._("%(partner)s: a team size cannot be negative.", partner=partner.name))
            if partner.cadence_value_manual < 0 or partner.cadence_wallet_total < 0:
                raise ValidationError(
                    self.env._("%(partner)s: a value or a purchase total cannot be negative.", partner=partner.name)
                )
            if partner.cadence_wallet_total and partner.cadence_value > partner.cadence_wallet_total:
                raise ValidationError(
                    self.env._(
                        "%(partner)s: the total category purchases (%(total)s) cannot be below what they buy "
                        "from us (%(ours)s): a share of wallet above 100%% is impossible.",
                        partner=partner.name,
                        total=partner.cadence_wallet_total,
                        ours=partner.cadence_value,
                    )
                )

    @api.constrains("referred_by_id")
    def _check_referred_by_cycle(self):
        if not self._has_cycle("referred_by_id"):
            return
        for partner in self:
            chain, node = [partner], partner.referred_by_id
            while node and node not in chain:
                chain.append(node)
                node = node.referred_by_id
            if node == partner:
                # Told in the order of introductions: A introduced B, who introduced C...
                names = [partner.name, *(link.name for link in reversed(chain[1:])), partner.name]
                raise ValidationError(
                    self.env._("This introduction would close a circle: %(chain)s.", chain=" → ".join(names))
                )

    def _compute_referral_count(self):
        counts = dict(
            self.env["res.partner.referral"]._read_group(
                [("referrer_id", "in", self.ids)], ["referrer_id"], ["__count"]
            )
        )
        for partner in self:
            partner.referral_count = counts.get(partner, 0)

    @api.depends_context("uid")
    def _compute_referral_tree(self):
        """Depth, chain from the root and subtree size, read with recursive queries that
        ignore archiving: an archived partner in the middle keeps the tree readable."""
        if not self.ids:
            self.update({"referral_depth": 0, "referral_path": False, "referral_subtree_size": 0})
            return
        self.env.flush_all()
        ancestors = self.env.execute_query(
            SQL(
                """
                WITH RECURSIVE chain(start_id, partner_id, parent_id, depth) AS (
                    SELECT id, id, referred_by_id, 0 FROM res_partner WHERE id = ANY(%(ids)s)
                    UNION
                    SELECT chain.start_id, parent.id, parent.referred_by_id, chain.depth + 1
                      FROM chain JOIN res_partner parent ON parent.id = chain.parent_id
                     WHERE chain.depth < 1000
                )
                SELECT chain.start_id, chain.depth, chain.partner_id
                  FROM chain
              ORDER BY chain.start_id, chain.depth DESC
                """,
                ids=list(self.ids),
            )
        )
        names = self._get_readable_names({partner_id for _start, _depth, partner_id in ancestors})
        chains = defaultdict(list)
        for start_id, _depth, partner_id in ancestors:
            chains[start_id].append(names[partner_id])
        sizes = dict(
            self.env.execute_query(
                SQL(
                    """
                    WITH RECURSIVE below(root_id, partner_id) AS (
                        SELECT id, id FROM res_partner WHERE id = ANY(%(ids)s)
                        UNION
                        SELECT below.root_id, child.id
                          FROM below JOIN res_partner child ON child.referred_by_id = below.partner_id
                    )
                    SELECT root_id, COUNT(*) - 1 FROM below GROUP BY root_id
                    """,
                    ids=list(self.ids),
                )
            )
        )
        for partner in self:
            names = chains.get(partner.id, [partner.name])
            partner.referral_depth = len(names) - 1
            partner.referral_path = " → ".join(names) if len(names) > 1 else False
            partner.referral_subtree_size = sizes.get(partner.id, 0)

    def _compute_referral_value(self):
        """Recommendations that became customers (a won opportunity) and the revenue they brought."""
        rows = {}
        if self.ids:
            self.env.flush_all()
            rows = {
                referrer: (won, revenue)
                for referrer, won, revenue in self.env.execute_query(
                    SQL(
                        """
                        SELECT referral.referrer_id, COUNT(DISTINCT lead.partner_id),
                               COALESCE(SUM(lead.expected_revenue), 0)
                          FROM res_partner_referral referral
                          JOIN crm_lead lead ON lead.partner_id = referral.referred_id AND lead.active
                          JOIN crm_stage stage ON stage.id = lead.stage_id AND stage.is_won
                         WHERE referral.referrer_id = ANY(%s)
                      GROUP BY referral.referrer_id
                        """,
                        list(self.ids),
                    )
                )
            }
        for partner in self:
            partner.referral_converted_count, partner.referral_revenue = rows.get(partner.id, (0, 0.0))

    @api.depends_context("uid")
    def _compute_introduction_path(self):
        for partner in self:
            chain = partner._find_introduction_chain() if partner.id else None
            if chain is None:
                partner.introduction_path = self.env._(
                    "Nobody within %(hops)s handshakes", hops=self._introduction_max_hops()
                )
            else:
                names = self._get_readable_names(chain)
                partner.introduction_path = " → ".join(names[partner_id] for partner_id in chain)

    @api.model
    def _get_readable_names(self, partner_ids):
        """{id: name} of these partners as the current user may see them: the name of one they
        may not read (another company's, another salesperson's) is not shown."""
        partners = self.browse(partner_ids).with_context(active_test=False)
        readable = partners._filtered_access("read")
        hidden = self.env._("(not visible to you)")
        return {partner.id: partner.sudo().name if partner in readable else hidden for partner in partners}

    @api.model
    def _introduction_max_hops(self):
        return int(self.env["ir.config_parameter"].sudo().get_param(INTRODUCTION_MAX_HOPS_PARAM) or 0)

    def _get_introduction_source_domain(self):
        """The partners an introduction can start from: the user's own partners, the user
        and the user's company. Extend to add, say, the user's sales team's partners."""
        user = self.env.user
        return [
            "|",
            "|",
            ("user_id", "=", user.id),
            ("id", "=", user.partner_id.id),
            ("id", "=", user.company_id.partner_id.id),
        ]

    def _find_introduction_chain(self):
        """Shortest chain of recommendations (either direction, up to the hop limit) from a
        source partner to this one, as ids from the source; None when there is none.

        One recursive query walks out from this partner; the walk never revisits a partner on
        its own path, and the first source reached on the shortest walk the user may read
        wins (among the shortest INTRODUCTION_CANDIDATE_CHAINS).
        """
        self.ensure_one()
        sources = self.sudo().with_context(active_test=False)._search(self._get_introduction_source_domain())
        self.env.flush_all()
        found = self.env.execute_query(
            SQL(
                """
                WITH RECURSIVE links(from_id, to_id) AS (
                    SELECT referrer_id, referred_id FROM res_partner_referral
                    UNION ALL
                    SELECT referred_id, referrer_id FROM res_partner_referral
                ), walk(partner_id, path) AS (
                    SELECT %(target)s, ARRAY[%(target)s]
                    UNION ALL
                    SELECT links.to_id, walk.path || links.to_id
                      FROM walk JOIN links ON links.from_id = walk.partner_id
                     WHERE cardinality(walk.path) <= %(hops)s
                       AND links.to_id <> ALL(walk.path)
                )
                SELECT walk.path
                  FROM walk
                 WHERE walk.partner_id IN %(sources)s
              ORDER BY cardinality(walk.path), walk.path
                 LIMIT %(candidates)s
                """,
                target=self.id,
                hops=self._introduction_max_hops(),
                sources=sources.subselect(),
                candidates=1 if self.env.su else INTRODUCTION_CANDIDATE_CHAINS,
            )
        )
        paths = [row[0] for row in found]
        if paths and not self.env.su:
            # A chain through someone the user cannot see (another company's partner) is no
            # introduction they can use: keep the shortest chain they may read end to end.
            visible = set(
                self.browse({partner_id for path in paths for partner_id in path})
                .with_context(active_test=False)
                ._filtered_access("read")
                .ids
            )
            paths = [path for path in paths if visible.issuperset(path)]
        return list(reversed(paths[0])) if paths else None

    def _get_warm_introduction_text(self):
        """What to open the call with: who recommended this partner, and when."""
        self.ensure_one()
        # Read through the one2many, so that a batch of reminders prefetches them all at once.
        referrals = self.sudo().referral_received_ids.filtered(
            lambda referral: referral.referrer_id == self.referred_by_id
        )
        if not referrals:
            return False
        referral = min(referrals, key=lambda referral: referral.date)
        return self.env._(
            "Call on behalf of %(referrer)s, who recommended them on %(date)s.",
            referrer=referral.referrer_id.name,
            date=format_date(self.env, referral.date),
        )

    def action_open_referral_tree(self):
        self.ensure_one()
        # Called over RPC too: an action about a record is for those who may read it.
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id("partner_cadence.res_partner_referral_tree_action")
        action["context"] = {"hierarchy_res_id": self.id, "active_test": False}
        return action

    def action_open_referrals(self):
        self.ensure_one()
        # Called over RPC too: an action about a record is for those who may read it.
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id("partner_cadence.res_partner_referral_action")
        action["domain"] = ["|", ("referrer_id", "=", self.id), ("referred_id", "=", self.id)]
        action["context"] = {"default_referrer_id": self.id}
        return action

    def action_record_referrals(self):
        self.ensure_one()
        # Called over RPC too: an action about a record is for those who may read it.
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id("partner_cadence.res_partner_referral_wizard_action")
        action["context"] = {"default_partner_id": self.id}
        return action

    # ---------------------------------------------------------------------------------------
    # ORM overrides
    # ---------------------------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        partners.browse(
            partner.id
            for partner, vals in zip(partners, vals_list, strict=True)
            if "cadence_tier_id" in vals and "cadence_tier_pinned" not in vals
        )._pin_hand_chosen_tiers()
        touched = [
            {"partner_id": partner.id, "date": partner.last_touch_date, "origin": "manual"}
            for partner in partners
            if partner.last_touch_date
        ]
        self.env["partner.cadence.touch"]._record(touched)
        partners.filtered("cadence_tier_id")._sync_cadence_schedules()
        return partners

    def write(self, vals):
        manual_touch = vals.get("last_touch_date") if not self.env.context.get("cadence_touch_applying") else None
        if "referred_by_id" in vals:
            self.env["res.partner.referral"]._lock_tree()
        result = super().write(vals)
        if "cadence_tier_id" in vals and "cadence_tier_pinned" not in vals:
            self._pin_hand_chosen_tiers()
        if manual_touch:
            self.env["partner.cadence.touch"]._record(
                [{"partner_id": partner.id, "date": manual_touch, "origin": "manual"} for partner in self]
            )
        if CADENCE_SCHEDULE_FIELDS & vals.keys():
            # Partners never on a cadence have nothing to sync: keep imports and mass edits cheap.
            self.filtered(
                lambda partner: partner.cadence_tier_id or partner.cadence_schedule_ids
            )._sync_cadence_schedules()
        if "user_id" in vals:
            self._reassign_cadence_reminders()
        if vals.get("referred_by_id") and not self.env.context.get("referral_syncing"):
            self._record_primary_referral()
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

    def _record_primary_referral(self):
        """Setting who introduced a partner by hand records that recommendation too."""
        referrals = self.env["res.partner.referral"]
        other_kind = self.env.ref("partner_cadence.res_partner_referral_kind_other")
        for partner in self:
            if not referrals.search_count(
                [("referrer_id", "=", partner.referred_by_id.id), ("referred_id", "=", partner.id)]
            ):
                referrals.create(
                    {"referrer_id": partner.referred_by_id.id, "referred_id": partner.id, "kind_id": other_kind.id}
                )

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
            ("cadence_reminder", "=", True),
        ]
        action["context"] = {"create": False}
        return action

    # ---------------------------------------------------------------------------------------
    # Hooks: small and documented, for modules that extend the cadence.
    # ---------------------------------------------------------------------------------------

    def _get_cadence_responsible(self, default_user):
        """The user a partner's reminders go to: its salesperson, its company's, or the default.

        An archived salesperson is skipped: their reminders were deleted with them, and the
        partner must not drop out of the cadence.
        """
        self.ensure_one()
        for user in (self.user_id, self.commercial_partner_id.user_id):
            if user and user.active:
                return user
        return default_user

    def _get_cadence_reminder_reasons(self, schedule, format_day):
        """Lines of text that tell the salesperson why this reminder is due, in their language.

        ``format_day`` turns a date into text the reader's way. Extend to add more reasons,
        such as who recommended the partner.
        """
        self.ensure_one()
        env = self.env
        tier = self.cadence_tier_id
        if schedule.kind == "first_contact":
            reasons = [
                env._(
                    "Complete the first-contact information before anything else; missing: %(missing)s.",
                    missing=self.first_contact_missing_display,
                )
            ]
        elif schedule.kind == "ask_referrals":
            reasons = [
                env._(
                    "Ask for colleagues in the same line of work, and for third parties who could be "
                    "interested: record them with Record Referrals."
                )
            ]
        else:
            reasons = [
                env._(
                    "%(tier)s: %(type)s %(done)s of %(quota)s done this period.",
                    tier=tier.name,
                    type=schedule.activity_type_id.name,
                    done=schedule.done_in_period,
                    quota=schedule.touch_count,
                )
            ]
        if self.last_touch_date:
            reasons.append(env._("Last touch on %(date)s.", date=format_day(self.last_touch_date)))
        else:
            reasons.append(env._("No touch recorded yet: this is the first contact."))
        warm_introduction = self.referred_by_id and self._get_warm_introduction_text()
        if warm_introduction:
            reasons.append(warm_introduction)
        return reasons

    # ---------------------------------------------------------------------------------------
    # Cadence state
    # ---------------------------------------------------------------------------------------

    @api.model
    def _get_cadence_settings(self):
        params = self.env["ir.config_parameter"].sudo()
        default_user = (
            self.env["res.users"].sudo().browse(int(params.get_param("partner_cadence.default_user_id") or 0)).exists()
        )
        return {
            "horizon_days": int(params.get_param("partner_cadence.horizon_days") or 0),
            "default_user": default_user or self.env.ref("base.user_admin"),
            "weekdays_only": params.get_param("partner_cadence.weekdays_only") == "True",
            "monthly_loss_percent": float(params.get_param("partner_cadence.monthly_loss_percent") or 0.0),
            "value_window_months": int(params.get_param("partner_cadence.value_window_months") or 0),
            "ask_referrals_days": int(params.get_param("partner_cadence.ask_referrals_days") or 0),
        }

    def _register_cadence_touch(self, touch_date, activity_type=None, origin="manual", source=None):
        """Record a real touch on ``touch_date`` with each of these partners."""
        values = {
            "date": touch_date,
            "activity_type_id": activity_type.id if activity_type else False,
            "origin": origin,
        }
        if source:
            values.update(res_model=source._name, res_id=source.id)
        return self.env["partner.cadence.touch"]._record([{**values, "partner_id": partner.id} for partner in self])

    def _apply_cadence_touches(self, touches):
        """Move last touches on for the counted ``touches``; an older one never moves a clock back."""
        counted_origins = touches._counted_origins()
        counted = touches.filtered(lambda touch: touch.origin in counted_origins)
        by_partner = defaultdict(list)
        for touch in counted:
            by_partner[touch.partner_id].append(touch)
        for partner, partner_touches in by_partner.items():
            latest = max(touch.date for touch in partner_touches)
            if not partner.last_touch_date or partner.last_touch_date < latest:
                partner.with_context(cadence_touch_applying=True).last_touch_date = latest
            for schedule in partner.sudo().cadence_schedule_ids:
                dates = [touch.date for touch in partner_touches if schedule._counts_touch(touch.activity_type_id.id)]
                if dates and (not schedule.last_touch_date or schedule.last_touch_date < max(dates)):
                    schedule.last_touch_date = max(dates)
        self._refresh_cadence()

    def _sync_cadence_schedules(self):
        """Give each partner one schedule per line of its tier (and one to complete its
        first-contact information when that is missing), then re-plan."""
        schedules = self.env["partner.cadence.schedule"].sudo()
        first_contact_type = self.env.ref("partner_cadence.mail_activity_type_first_contact")
        ask_type = self.env.ref("partner_cadence.mail_activity_type_ask_referrals")
        asks_referrals = self._get_cadence_settings()["ask_referrals_days"] > 0
        existing = defaultdict(lambda: schedules.browse())
        for schedule in schedules.search([("partner_id", "in", self.ids)]):
            existing[schedule.partner_id.id] |= schedule
        today = fields.Date.context_today(self)
        obsolete = schedules.browse()
        new_values = []
        last_by_type = self._get_cadence_last_touches_by_type()
        for partner in self:
            wanted = {}
            if partner.cadence_tier_id and partner.active:
                for line in partner.cadence_tier_id.line_ids.filtered(lambda line: line.touch_count > 0):
                    wanted[line.activity_type_id.id] = ("touch", line)
                if not partner.first_contact_complete:
                    wanted[first_contact_type.id] = ("first_contact", None)
                if asks_referrals:
                    wanted[ask_type.id] = ("ask_referrals", None)
            for schedule in existing[partner.id]:
                kind, line = wanted.pop(schedule.activity_type_id.id, (None, None))
                if kind is None or kind != schedule.kind:
                    obsolete |= schedule
                    if kind:
                        wanted[schedule.activity_type_id.id] = (kind, line)
                elif schedule.line_id != (line or schedules.line_id):
                    schedule.line_id = line
            for type_id, (kind, line) in wanted.items():
                new_values.append(
                    {
                        "partner_id": partner.id,
                        "line_id": line.id if line else False,
                        "kind": kind,
                        "activity_type_id": type_id,
                        "start_date": today,
                        # A line counting any touch, and the call-back, start from the last
                        # touch of any kind; the others from the last of their own type.
                        "last_touch_date": partner.last_touch_date
                        if kind == "first_contact" or (line and line.counts_any_touch)
                        else last_by_type.get((partner.id, type_id), False),
                    }
                )
        obsolete.unlink()
        schedules.create(new_values)
        self._refresh_cadence()

    def _get_cadence_last_touches_by_type(self):
        """The last counted touch of each type with these partners: {(partner id, type id): date}."""
        touches = self.env["partner.cadence.touch"].sudo()
        return {
            (partner.id, kind.id): last
            for partner, kind, last in touches._read_group(
                [("partner_id", "in", self.ids), ("origin", "in", touches._counted_origins())],
                ["partner_id", "activity_type_id"],
                ["date:max"],
            )
        }

    def _get_cadence_done_counts(self):
        """Counted touches in each schedule's current period: {(partner id, schedule id): count}."""
        schedules = (
            self.env["partner.cadence.schedule"].sudo().search([("partner_id", "in", self.ids), ("kind", "=", "touch")])
        )
        if not schedules:
            return {}
        today = fields.Date.context_today(self)
        starts = {
            schedule: period_start(
                today, schedule.line_id.tier_id.interval_number, schedule.line_id.tier_id.interval_unit
            )
            for schedule in schedules
        }
        touches = self.env["partner.cadence.touch"].sudo()
        rows = touches.search_read(
            [
                ("partner_id", "in", schedules.partner_id.ids),
                ("date", ">=", min(starts.values())),
                ("origin", "in", touches._counted_origins()),
            ],
            ["partner_id", "date", "activity_type_id"],
        )
        by_partner = defaultdict(list)
        for row in rows:
            by_partner[row["partner_id"][0]].append(row)
        counts = {}
        for schedule, start in starts.items():
            counts[schedule.partner_id.id, schedule.id] = sum(
                1
                for row in by_partner[schedule.partner_id.id]
                if row["date"] >= start
                and schedule._counts_touch(row["activity_type_id"] and row["activity_type_id"][0])
            )
        return counts

    def _get_cadence_working_days(self):
        """(working weekdays, public holidays) of this partner's company, when scheduling on weekdays only."""
        self.ensure_one()
        company = self.company_id or self.env.company
        calendar = company.resource_calendar_id
        if not calendar:
            return set(), set()
        weekdays = {int(day) for day in calendar.attendance_ids.mapped("dayofweek")}
        leaves = (
            self.env["resource.calendar.leaves"]
            .sudo()
            .search(
                [
                    ("resource_id", "=", False),
                    ("calendar_id", "in", (False, calendar.id)),
                    ("company_id", "in", (False, company.id)),
                ]
            )
        )
        holidays = set()
        for leave in leaves:
            day = leave.date_from.date()
            while day <= leave.date_to.date():
                holidays.add(day)
                day += datetime.timedelta(days=1)
        return weekdays, holidays

    def _refresh_cadence(self):
        """Recompute every schedule's next due date and the partners' next touch, then re-plan."""
        if not self:
            return
        today = fields.Date.context_today(self)
        settings = self._get_cadence_settings()
        done_counts = self._get_cadence_done_counts()
        working_days = {}
        for partner in self.sudo():
            schedules = partner.cadence_schedule_ids
            natural = {}
            # A touch schedule whose line was deleted waits for the scheduled action to remove
            # it: nothing is due on it meanwhile.
            for schedule in schedules.filtered(lambda schedule: schedule.kind == "touch" and schedule.line_id):
                tier = schedule.line_id.tier_id
                natural[schedule] = next_quota_touch(
                    schedule.last_touch_date or None,
                    tier.interval_number,
                    tier.interval_unit,
                    schedule.touch_count,
                    done_counts.get((partner.id, schedule.id), 0),
                    today,
                    first_due=schedule.start_date,
                )
            blocked = not partner.active or partner.cadence_do_not_contact or not partner.cadence_tier_id
            first_contact_pending = any(schedule.kind == "first_contact" for schedule in schedules)
            for schedule in schedules:
                if blocked:
                    due = None
                elif schedule.kind == "first_contact":
                    due = min((date for date in natural.values() if date), default=schedule.start_date)
                elif first_contact_pending:
                    due = None
                elif schedule.kind == "ask_referrals" and settings["ask_referrals_days"] <= 0:
                    due = None
                elif schedule.kind == "ask_referrals":
                    due = add_interval(
                        schedule.last_touch_date or schedule.start_date, settings["ask_referrals_days"], "day"
                    )
                else:
                    due = natural.get(schedule)
                if due and partner.cadence_paused_until and due < partner.cadence_paused_until:
                    due = partner.cadence_paused_until
                if due and settings["weekdays_only"]:
                    company = partner.company_id or self.env.company
                    if company not in working_days:
                        working_days[company] = partner._get_cadence_working_days()
                    due = next_working_day(due, *working_days[company])
                if schedule.next_due_date != (due or False):
                    schedule.next_due_date = due
            # Asking for referrals rides along with the touches; it is not what makes a partner late.
            next_touch = min(
                (
                    schedule.next_due_date
                    for schedule in schedules
                    if schedule.next_due_date and schedule.kind != "ask_referrals"
                ),
                default=False,
            )
            if partner.next_touch_date != next_touch:
                partner.next_touch_date = next_touch
            risk = economics.value_at_risk(
                partner.cadence_value, next_touch or None, today, settings["monthly_loss_percent"]
            )
            if partner.cadence_currency_id.compare_amounts(risk, partner.cadence_value_at_risk):
                partner.cadence_value_at_risk = risk
        self._plan_cadence_reminders()

    # ---------------------------------------------------------------------------------------
    # Planning reminders
    # ---------------------------------------------------------------------------------------

    def _plan_cadence_reminders(self):
        """Bring these partners' reminders in line with their schedules right away."""
        if not self:
            return 0
        settings = self._get_cadence_settings()
        self._reschedule_cadence_reminders(self.ids)
        cutoff = planning_cutoff(fields.Date.context_today(self), settings["horizon_days"])
        due = (
            self.env["partner.cadence.schedule"]
            .sudo()
            .search([("partner_id", "in", self.ids), *self._get_cadence_due_domain(cutoff)], order="id")
        )
        return self._insert_cadence_reminders(due, settings["default_user"])

    @api.model
    def _get_cadence_due_domain(self, cutoff):
        """Schedules owed a reminder when planning up to ``cutoff`` (a date).

        Extend to hold partners back. A schedule that has its open reminder is left out, so
        planning twice plans nothing.
        """
        return [
            ("next_due_date", "<=", cutoff),
            ("activity_id", "=", False),
            ("partner_id.active", "=", True),
        ]

    @api.model
    def _reschedule_cadence_reminders(self, partner_ids=None):
        """Move open reminders to their schedule's due date; drop those no longer due at all.

        :param partner_ids: the partners to look at; None for every partner (the scheduled action)
        """
        self.env.flush_all()
        partner_filter = SQL() if partner_ids is None else SQL("AND schedule.partner_id = ANY(%s)", list(partner_ids))
        # Reminders a user is changing right now are left to them (SKIP LOCKED); the next run
        # catches up with any it skipped.
        moved = self.env.execute_query(
            SQL(
                """
                WITH due AS (
                    SELECT activity.id, schedule.next_due_date
                      FROM mail_activity activity
                      JOIN partner_cadence_schedule schedule ON schedule.activity_id = activity.id
                     WHERE schedule.next_due_date IS NOT NULL
                       AND activity.date_deadline <> schedule.next_due_date
                       %s
                       FOR UPDATE OF activity SKIP LOCKED
                )
                UPDATE mail_activity activity
                   SET date_deadline = due.next_due_date, write_date = NOW() AT TIME ZONE 'UTC'
                  FROM due
                 WHERE due.id = activity.id
             RETURNING activity.id
                """,
                partner_filter,
            )
        )
        if moved:
            self.env["mail.activity"].invalidate_model(["date_deadline"])
        dropped = self.env.execute_query(
            SQL(
                "SELECT activity_id FROM partner_cadence_schedule schedule"
                " WHERE activity_id IS NOT NULL AND next_due_date IS NULL %s",
                partner_filter,
            )
        )
        if dropped:
            self.env["mail.activity"].sudo().browse([row[0] for row in dropped]).unlink()

    def _reassign_cadence_reminders(self):
        """Open reminders follow a change of salesperson, the company's to its contacts too."""
        partners = self | self.child_ids.filtered(lambda child: not child.user_id)
        settings = self._get_cadence_settings()
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [("res_model", "=", "res.partner"), ("res_id", "in", partners.ids), ("cadence_reminder", "=", True)]
            )
        )
        by_user = defaultdict(list)
        for activity in activities:
            user = self.browse(activity.res_id)._get_cadence_responsible(settings["default_user"])
            if activity.user_id != user:
                by_user[user].append(activity.id)
        for user, activity_ids in by_user.items():
            activities.browse(activity_ids).with_context(mail_activity_quick_update=True).write({"user_id": user.id})

    def _insert_cadence_reminders(self, schedules, default_user):
        """Create the reminders of ``schedules`` (due, none open) in one statement.

        The partial unique index on open cadence reminders makes a concurrent planner's
        reminder win: ours is skipped and the schedule is linked to theirs, so nothing is
        duplicated and nothing is lost. No e-mail per reminder: each user with new reminders
        due gets one bus notification, and the inbox is where salespeople look.
        """
        if not schedules:
            return 0
        now = fields.Datetime.now()
        model_id = self.env["ir.model"]._get_id("res.partner")
        rows = []
        users_due_now = set()
        today = fields.Date.context_today(self)
        by_lang = defaultdict(list)
        responsibles = {}
        for schedule in schedules:
            partner = schedule.partner_id
            key = (partner.user_id.id, partner.commercial_partner_id.user_id.id)
            if key not in responsibles:
                responsibles[key] = partner._get_cadence_responsible(default_user)
            responsible = responsibles[key]
            by_lang[responsible.lang or self.env.lang].append((schedule, responsible))
        for lang, pairs in by_lang.items():
            localized = self.with_context(lang=lang)
            # One date pattern per language, not one language lookup per reminder.
            date_pattern = get_lang(localized.env).date_format
            for schedule, responsible in pairs:
                partner = schedule.partner_id.with_env(localized.env)
                schedule = schedule.with_env(localized.env)
                reasons = partner._get_cadence_reminder_reasons(schedule, lambda day, p=date_pattern: day.strftime(p))
                note = Markup("").join(Markup("<p>%s</p>") % escape(reason) for reason in reasons)
                summary = {
                    "first_contact": localized.env._("First-contact information"),
                    "ask_referrals": localized.env._("Ask for referrals"),
                }.get(schedule.kind) or partner.cadence_tier_id.name
                rows.append(
                    SQL(
                        "(%s, 'res.partner', %s, %s, %s, %s, %s, %s, %s, %s, TRUE, TRUE, TRUE, %s, %s, %s, %s)",
                        model_id,
                        partner.id,
                        partner.complete_name,
                        schedule.activity_type_id.id,
                        summary,
                        str(note),
                        schedule.next_due_date,
                        responsible.id,
                        responsible.tz,
                        self.env.uid,
                        now,
                        self.env.uid,
                        now,
                    )
                )
                if schedule.next_due_date <= today:
                    users_due_now.add(responsible.id)
        self.env.flush_all()
        inserted = self.env.execute_query(
            SQL(
                """
                INSERT INTO mail_activity (res_model_id, res_model, res_id, res_name, activity_type_id,
                                           summary, note, date_deadline, user_id, user_tz,
                                           automated, cadence_reminder, active,
                                           create_uid, create_date, write_uid, write_date)
                VALUES %s
                ON CONFLICT DO NOTHING
                RETURNING id
                """,
                SQL(", ").join(rows),
            )
        )
        # Link each schedule to its open reminder, ours or a concurrent planner's.
        self.env.execute_query(
            SQL(
                """
                UPDATE partner_cadence_schedule schedule
                   SET activity_id = activity.id
                  FROM mail_activity activity
                 WHERE schedule.id = ANY(%s)
                   AND activity.res_model = 'res.partner'
                   AND activity.res_id = schedule.partner_id
                   AND activity.activity_type_id = schedule.activity_type_id
                   AND activity.cadence_reminder AND activity.active
                """,
                schedules.ids,
            )
        )
        schedules.invalidate_recordset(["activity_id"])
        self.env["mail.activity"].invalidate_model()
        self.invalidate_model(["activity_ids"])
        if users_due_now:
            self.env["res.users"].browse(users_due_now)._bus_send("mail.activity/updated", {"activity_created": True})
        return len(inserted)

    @api.model
    def _replan_changed_tiers(self):
        """Re-plan, in batches, the partners of the tiers changed since the last run (a tier,
        one of its lines or a planning setting); a tier changed again meanwhile stays marked."""
        planner = self.env["partner.cadence.planner"]
        self.env.flush_all()
        # Read raw, to the microsecond: the mark is cleared only where unchanged since this
        # read, so a request made during the run keeps its mark for the next one.
        marks = self.env.execute_query(
            SQL("SELECT id, replan_requested_at FROM partner_cadence_tier WHERE replan_requested_at IS NOT NULL")
        )
        if not marks:
            return
        requested = [SQL("(%s, %s::timestamp)", tier_id, at) for tier_id, at in marks]
        planner._run_batches(
            "res.partner",
            [("cadence_tier_id", "in", [tier_id for tier_id, _at in marks]), ("active", "in", (True, False))],
            self._replan_partners,
        )
        planner._run_step(
            self.env.execute_query,
            SQL(
                """
                UPDATE partner_cadence_tier tier SET replan_requested_at = NULL
                  FROM (VALUES %s) AS requested(id, at)
                 WHERE tier.id = requested.id AND tier.replan_requested_at = requested.at
                """,
                SQL(", ").join(requested),
            ),
        )
        self.env["partner.cadence.tier"].invalidate_model(["replan_requested_at"])

    @api.model
    def _replan_partners(self, partners):
        partners._sync_cadence_schedules()
        return len(partners)

    @api.model
    def _cron_plan_cadence_touches(self):
        """Scheduled action: reminders for every schedule due within the planning horizon.

        Safe to run on several servers at once and to kill midway: see partner.cadence.planner.
        """
        planner = self.env["partner.cadence.planner"]
        settings = self._get_cadence_settings()
        self._replan_changed_tiers()
        planner._run_step(self.env["calendar.event"]._register_ended_cadence_meetings)
        planner._run_step(self._reschedule_cadence_reminders)
        cutoff = planning_cutoff(fields.Date.context_today(self), settings["horizon_days"])
        done = planner._run_batches(
            "partner.cadence.schedule",
            self._get_cadence_due_domain(cutoff),
            lambda batch: self._insert_cadence_reminders(batch, settings["default_user"]),
        )
        self._refresh_cadence_values()
        _logger.info("cadence planner: %s reminders planned up to %s", done, cutoff)
        return done

    # ---------------------------------------------------------------------------------------
    # Value and value at risk
    # ---------------------------------------------------------------------------------------

    @api.model
    def _refresh_cadence_values(self):
        """Once a day: each tiered partner's value (won revenue over the window, or set by hand)
        and value at risk. Both slide with the calendar, so no write can keep them current."""
        today = fields.Date.context_today(self)
        settings = self._get_cadence_settings()
        window_start = economics.revenue_window_start(today, settings["value_window_months"])
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT partner.id, partner.cadence_value_manual, COALESCE(won.revenue, 0), partner.next_touch_date,
                       partner.cadence_won_revenue, partner.cadence_value, partner.cadence_value_at_risk
                  FROM res_partner partner
             LEFT JOIN (SELECT lead.partner_id, SUM(lead.expected_revenue) AS revenue
                          FROM crm_lead lead
                          JOIN crm_stage stage ON stage.id = lead.stage_id
                         WHERE stage.is_won AND lead.active AND lead.date_closed >= %s
                      GROUP BY lead.partner_id) won ON won.partner_id = partner.id
                 WHERE won.revenue IS NOT NULL
                    OR partner.cadence_won_revenue <> 0
                    OR partner.cadence_value_manual <> 0
                    OR partner.cadence_value_at_risk <> 0
                """,
                window_start,
            )
        )
        changes = []
        for partner_id, manual, revenue, next_touch, old_revenue, old_value, old_risk in rows:
            value = manual or revenue
            risk = economics.value_at_risk(value, next_touch, today, settings["monthly_loss_percent"])
            old = (old_revenue or 0.0, old_value or 0.0, old_risk or 0.0)
            if any(round(new, 2) != round(was, 2) for new, was in zip((revenue, value, risk), old, strict=True)):
                changes.append(SQL("(%s, %s::numeric, %s::numeric, %s::numeric)", partner_id, revenue, value, risk))
        planner = self.env["partner.cadence.planner"]
        for start in range(0, len(changes), planner.batch_size):
            # A partner a user is saving right now is left to the next run (SKIP LOCKED).
            batch = changes[start : start + planner.batch_size]
            planner._run_step(
                self.env.execute_query,
                SQL(
                    """
                    WITH change(id, revenue, value, risk) AS (VALUES %s),
                         free AS (SELECT partner.id FROM res_partner partner JOIN change ON change.id = partner.id
                                  FOR UPDATE OF partner SKIP LOCKED)
                    UPDATE res_partner partner
                       SET cadence_won_revenue = change.revenue, cadence_value = change.value,
                           cadence_value_at_risk = change.risk
                      FROM change JOIN free ON free.id = change.id
                     WHERE partner.id = change.id
                    """,
                    SQL(", ").join(batch),
                ),
            )
        self.invalidate_model(["cadence_won_revenue", "cadence_value", "cadence_value_at_risk"])
