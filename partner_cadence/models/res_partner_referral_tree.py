from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL, format_date

from ..domain.reminders import WARM_INTRO, slot

# How many of the shortest chains are read to find one the user may see end to end: checking
# rights on a few chains is fast, restricting the walk itself to readable partners is not.
INTRODUCTION_CANDIDATE_CHAINS = 50


class ResPartner(models.Model):
    """The "six handshakes" tree (§3): who introduced whom, how deep, how
    many through them, and who can introduce me, read with the user's rights."""

    # One capability of res.partner per file, each short enough to read at once: pylint-odoo
    # would rather have one class per model, the project asks for files under 400 lines.
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    # The recommendations are the only truth (as partner_multi_relation's relation rows): this
    # is read from the one marked as the introduction, and setting it marks or records one.
    referred_by_id = fields.Many2one(
        "res.partner",
        string="Introduced By",
        compute="_compute_referred_by_id",
        inverse="_inverse_referred_by_id",
        store=True,
        readonly=False,
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

    @api.depends("referral_received_ids.introduction", "referral_received_ids.referrer_id")
    def _compute_referred_by_id(self):
        for partner in self:
            partner.referred_by_id = partner.referral_received_ids.filtered("introduction")[:1].referrer_id

    def _inverse_referred_by_id(self):
        """Setting who introduced a partner by hand marks that referrer's recommendation as the
        introduction, recording one when there is none (a circle is refused there)."""
        referrals = self.env["res.partner.referral"].sudo()
        for partner in self:
            received = partner.sudo().referral_received_ids
            if not partner.referred_by_id:
                received.filtered("introduction").introduction = False
                continue
            chosen = received.filtered(lambda referral, partner=partner: referral.referrer_id == partner.referred_by_id)
            if chosen:
                min(chosen, key=lambda referral: (referral.date, referral.id)).introduction = True
            else:
                referrals.create(
                    {
                        "referrer_id": partner.referred_by_id.id,
                        "referred_id": partner.id,
                        "kind_id": self.env.ref("partner_cadence.res_partner_referral_kind_other").id,
                        "introduction": True,
                    }
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
        return self.env["partner.cadence.planner"]._get_settings().introduction_max_hops

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

    def _get_cadence_introduction(self):
        """The recommendation that brought this partner to us (its Introduced By), if any."""
        self.ensure_one()
        # Read through the one2many, so that a batch of reminders prefetches them all at once.
        return self.sudo().referral_received_ids.filtered("introduction")[:1]

    def _describe_warm_introduction(self, referral):
        """The summary and note lines of the call this partner gets when ``referral`` recommends
        them, in this env's language: on whose behalf, unless the referrer asked not to be named."""
        self.ensure_one()
        if referral.referrer_named:
            summary = self.env._("Call on behalf of %(referrer)s", referrer=referral.referrer_id.name)
        else:
            summary = self.env._("Call as recommended")
        return summary, [self._get_warm_introduction_text()]

    def _describe_cadence_slot(self, reminder_slot, format_day):
        """A warm-introduction call told again names whoever introduced this partner."""
        if reminder_slot == slot(WARM_INTRO) and (referral := self._get_cadence_introduction()):
            return self._describe_warm_introduction(referral)
        return super()._describe_cadence_slot(reminder_slot, format_day)

    def _get_warm_introduction_text(self):
        """What to open the call with: who recommended this partner, and when; only that the
        call comes recommended when the referrer asked not to be named."""
        self.ensure_one()
        referral = self._get_cadence_introduction()
        if not referral:
            return False
        if not referral.referrer_named:
            return self.env._(
                "Recommended to us on %(date)s by someone who asked not to be named: say only that the call "
                "comes recommended.",
                date=format_date(self.env, referral.date),
            )
        return self.env._(
            "Call on behalf of %(referrer)s, who recommended them on %(date)s.",
            referrer=referral.referrer_id.name,
            date=format_date(self.env, referral.date),
        )

    def _get_referral_branch_ids(self):
        """This partner's branch of the tree: who introduced it, itself, and everyone
        introduced through it within the handshake limit."""
        self.ensure_one()
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                """
                WITH RECURSIVE below(partner_id, depth) AS (
                    SELECT %(root)s, 0
                    UNION
                    SELECT child.id, below.depth + 1
                      FROM below JOIN res_partner child ON child.referred_by_id = below.partner_id
                     WHERE below.depth < %(hops)s
                )
                SELECT partner_id FROM below
                """,
                root=self.id,
                hops=self._introduction_max_hops(),
            )
        )
        return [row[0] for row in rows] + self.referred_by_id.ids

    def action_open_referral_tree(self):
        self.ensure_one()
        # Called over RPC too: an action about a record is for those who may read it.
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id("partner_cadence.res_partner_referral_tree_action")
        action["display_name"] = self.env._("Referral Tree: %(partner)s", partner=self.name)
        action["domain"] = [("id", "in", self._get_referral_branch_ids())]
        action["context"] = {"active_test": False}
        return action

    def action_who_can_introduce_me(self):
        """The shortest chain of recommendations from the user's own partners to this one,
        shown in the referral tree; a notification when there is none within the limit."""
        self.ensure_one()
        # Called over RPC too: an action about a record is for those who may read it.
        self.check_access("read")
        chain = self._find_introduction_chain()
        if chain is None:
            return self.env["partner.cadence.planner"]._notification(
                self.env._(
                    "Nobody among your partners can introduce %(partner)s within %(hops)s handshakes.",
                    partner=self.name,
                    hops=self._introduction_max_hops(),
                ),
                kind="warning",
            )
        names = self._get_readable_names(chain)
        action = self.env["ir.actions.act_window"]._for_xml_id("partner_cadence.res_partner_referral_tree_action")
        action["display_name"] = " → ".join(names[partner_id] for partner_id in chain)
        action["domain"] = [("id", "in", chain)]
        action["context"] = {"active_test": False}
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
