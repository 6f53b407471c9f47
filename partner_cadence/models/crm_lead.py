from collections import Counter

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..domain.cadence import planning_cutoff
from ..domain.nurture import lead_potential, next_channel, next_nurture_touch, qualification_score
from .crm_lead_marker_question import POTENTIAL_SELECTION

MARK_SELECTION = [("unknown", "Unknown"), ("yes", "Yes"), ("no", "No")]


class CrmLead(models.Model):
    _inherit = "crm.lead"

    # --- Qualification (DOMAIN.md sections 5 and 6) -------------------------------------------
    marker_answer_ids = fields.One2many("crm.lead.marker.answer", "lead_id", string="Marker Answers")
    potential = fields.Selection(
        POTENTIAL_SELECTION,
        compute="_compute_potential",
        store=True,
        tracking=True,
        help="From the marker answers: low is not developed, high gets an expert.",
    )
    qualification_need = fields.Selection(MARK_SELECTION, string="Need", default="unknown", required=True)
    qualification_desire = fields.Selection(MARK_SELECTION, string="Desire", default="unknown", required=True)
    qualification_funds = fields.Selection(MARK_SELECTION, string="Funds", default="unknown", required=True)
    qualification_authority = fields.Selection(MARK_SELECTION, string="Authority", default="unknown", required=True)
    qualification_score = fields.Integer(
        compute="_compute_qualification_score",
        store=True,
        string="Qualification (%)",
        help="Share of need, desire, funds and authority confirmed.",
    )
    need_is_current = fields.Boolean(help="The qualifier checked the need is relevant now.")
    referred_by_id = fields.Many2one(
        "res.partner", string="Recommended By", ondelete="set null", index="btree_not_null", tracking=True
    )
    expert_id = fields.Many2one("res.users", tracking=True, help="Runs the reinforced scheme of a high-potential lead.")

    # --- Roles along the pipeline (DOMAIN.md section 5) ---------------------------------------
    pipeline_role = fields.Selection(
        [("qualification", "Qualification"), ("selling", "Selling"), ("account", "Account management")],
        string="Pipeline Stage Owner",
        default="qualification",
        tracking=True,
    )
    qualifier_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    account_manager_id = fields.Many2one("res.users", tracking=True)

    # --- Nurture sequence (DOMAIN.md section 4) -----------------------------------------------
    nurture_phase = fields.Many2one("crm.nurture.phase", readonly=True, tracking=True)
    nurture_start_date = fields.Date(readonly=True)
    nurture_state = fields.Selection(
        [("running", "Nurturing"), ("paused", "Paused"), ("stopped", "Stopped")],
        readonly=True,
        tracking=True,
        index="btree_not_null",
    )
    nurture_stop_reason = fields.Char(tracking=True)
    nurture_touch_count = fields.Integer(readonly=True, string="Nurture Touches")
    nurture_last_touch_date = fields.Date(readonly=True)
    nurture_next_date = fields.Date(readonly=True, index="btree_not_null", string="Next Nurture Touch")
    preferred_channel_id = fields.Many2one(
        "mail.activity.type",
        help="Every nurture touch uses it: some decision makers want paper, others e-mail.",
    )

    @api.depends("marker_answer_ids.option_id.potential")
    def _compute_potential(self):
        for lead in self:
            answers = [answer.option_id.potential for answer in lead.marker_answer_ids if answer.option_id]
            lead.potential = lead_potential(answers) or False

    @api.depends("qualification_need", "qualification_desire", "qualification_funds", "qualification_authority")
    def _compute_qualification_score(self):
        for lead in self:
            lead.qualification_score = qualification_score(
                lead.qualification_need,
                lead.qualification_desire,
                lead.qualification_funds,
                lead.qualification_authority,
            )

    # ---------------------------------------------------------------------------------------
    # ORM overrides
    # ---------------------------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads._add_marker_questions()
        if self.env["ir.config_parameter"].sudo().get_param("partner_cadence.nurture_on_create") == "True":
            leads.filtered(lambda lead: lead.active and not lead.probability == 100).action_start_nurture()
        return leads

    def write(self, vals):
        result = super().write(vals)
        if "stage_id" in vals or "active" in vals:
            self.filtered(
                lambda lead: lead.nurture_state in ("running", "paused") and (not lead.active or lead.stage_id.is_won)
            )._stop_nurture(self.env._("The lead was won or lost."))
        return result

    @api.onchange("team_id", "company_id")
    def _onchange_team_add_marker_questions(self):
        """In the form, a new team's marker questions appear at once, ready to be answered.

        Team changes made by automation (lead assignment, conversion) do not add them there:
        Odoo's paths stay free of our queries, and the lead planner adds them in one pass.
        """
        for lead in self:
            missing = lead._get_missing_marker_questions(lead._get_marker_questions())
            lead.marker_answer_ids = [fields.Command.create({"question_id": question.id}) for question in missing]

    @api.model
    def _get_marker_questions_domain(self, teams, companies):
        """Active questions that leads of ``teams`` in ``companies`` are asked; extend to narrow."""
        return [("team_id", "in", [False, *teams.ids]), ("company_id", "in", [False, *companies.ids])]

    def _get_marker_questions(self):
        return (
            self.env["crm.lead.marker.question"]
            .sudo()
            .search(self._get_marker_questions_domain(self.team_id, self.company_id | self.env.company))
        )

    def _get_missing_marker_questions(self, questions):
        """Those of ``questions`` that apply to this lead and are not on it yet."""
        self.ensure_one()
        company = self.company_id or self.env.company
        asked = self.marker_answer_ids.question_id
        return questions.filtered(
            lambda question: question.team_id in (self.team_id, question.team_id.browse())
            and question.company_id in (company, question.company_id.browse())
            and question not in asked
        )

    def _add_marker_questions(self):
        """Put the active marker questions of each lead's team (and the company's) on the lead:
        one search and one insert for the whole batch."""
        if not self:
            return
        questions = self._get_marker_questions()
        if not questions:
            return
        self.env["crm.lead.marker.answer"].sudo().create(
            [
                {"lead_id": lead.id, "question_id": question.id}
                for lead in self
                for question in lead._get_missing_marker_questions(questions)
            ]
        )

    @api.model
    def _get_leads_missing_marker_questions(self):
        """Open leads that miss an active question of their team or company (one query)."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT lead.id
                  FROM crm_lead lead
                  JOIN crm_lead_marker_question question
                    ON question.active
                   AND (question.team_id IS NULL OR question.team_id = lead.team_id)
                   AND (question.company_id IS NULL OR lead.company_id IS NULL
                        OR question.company_id = lead.company_id)
                 WHERE lead.active
                   AND NOT EXISTS (SELECT 1 FROM crm_lead_marker_answer answer
                                    WHERE answer.lead_id = lead.id AND answer.question_id = question.id)
                 ORDER BY lead.id
                """
            )
        )
        return self.browse(row[0] for row in self.env.cr.fetchall())

    # ---------------------------------------------------------------------------------------
    # Potential: cut low early, reinforce high
    # ---------------------------------------------------------------------------------------

    def _apply_potential(self):
        """Cut a low-potential lead from nurturing; give a high-potential one an expert."""
        self.filtered(
            lambda lead: lead.potential == "low" and lead.nurture_state in ("running", "paused")
        )._stop_nurture(self.env._("Low potential: not developed."))
        self.filtered(lambda lead: lead.potential == "high" and not lead.expert_id)._assign_expert()

    def _get_expert_candidates(self):
        """Members of the experts group of the settings (head of sales, senior engineer...)."""
        group_id = int(self.env["ir.config_parameter"].sudo().get_param("partner_cadence.expert_group_id") or 0)
        group = self.env["res.groups"].sudo().browse(group_id).exists()
        return group.users.filtered(lambda user: user.active and not user.share)

    def _assign_expert(self):
        """The least busy expert takes the lead and gets a meeting reminder for it."""
        if not self:
            return
        candidates = self._get_expert_candidates()
        if not candidates:
            return
        load = Counter(
            dict(
                self.env["crm.lead"]
                .sudo()
                ._read_group([("expert_id", "in", candidates.ids), ("active", "=", True)], ["expert_id"], ["__count"])
            )
        )
        for lead in self:
            expert = min(candidates, key=lambda user: (load[user], user.id))
            load[expert] += 1
            lead.expert_id = expert
            lead.sudo().activity_schedule(
                "mail.mail_activity_data_meeting",
                summary=self.env._("Expert meeting: high-potential lead"),
                # Markup escapes the lead's name: a note is HTML, a name is text.
                note=Markup("<p>%s</p>")
                % self.env._(
                    "%(lead)s answered the marker questions as a high-potential prospect: "
                    "take it through the reinforced scheme in your weekly expert window.",
                    lead=lead.name,
                ),
                user_id=expert.id,
            )

    def action_set_lost_low_potential(self):
        self.action_set_lost(lost_reason_id=self.env.ref("partner_cadence.crm_lost_reason_low_potential").id)

    # ---------------------------------------------------------------------------------------
    # Roles
    # ---------------------------------------------------------------------------------------

    def action_hand_off(self):
        """Pass the lead to the next role along the pipeline, with a reminder for its new owner."""
        next_role = {"qualification": "selling", "selling": "account"}
        for lead in self:
            role = next_role.get(lead.pipeline_role)
            owner = lead.user_id if role == "selling" else lead.account_manager_id
            if not role or not owner:
                raise UserError(
                    self.env._(
                        "Choose who takes %(lead)s next: a salesperson to sell, then an account manager.",
                        lead=lead.name,
                    )
                )
            lead.pipeline_role = role
            lead.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Handed over to you: %(lead)s", lead=lead.name),
                user_id=owner.id,
            )

    # ---------------------------------------------------------------------------------------
    # Nurture sequence
    # ---------------------------------------------------------------------------------------

    def action_start_nurture(self):
        today = fields.Date.context_today(self)
        for lead in self:
            if lead.potential == "low":
                raise UserError(self.env._("%(lead)s has low potential: it is not nurtured.", lead=lead.name))
            lead.write(
                {
                    "nurture_state": "running",
                    "nurture_start_date": today,
                    "nurture_touch_count": 0,
                    "nurture_last_touch_date": False,
                    "nurture_stop_reason": False,
                }
            )
        self._plan_nurture()

    def action_pause_nurture(self):
        self.filtered(lambda lead: lead.nurture_state == "running").write({"nurture_state": "paused"})
        self._drop_open_nurture_touches()

    def action_resume_nurture(self):
        self.filtered(lambda lead: lead.nurture_state == "paused").write({"nurture_state": "running"})
        self._plan_nurture()

    def action_stop_nurture(self):
        for lead in self:
            if not lead.nurture_stop_reason:
                raise UserError(self.env._("Say why the nurturing of %(lead)s stops.", lead=lead.name))
        self._stop_nurture(False)

    def _stop_nurture(self, reason):
        values = {"nurture_state": "stopped", "nurture_next_date": False}
        if reason:
            values["nurture_stop_reason"] = reason
        self.write(values)
        self._drop_open_nurture_touches()

    def _drop_open_nurture_touches(self):
        self.env["mail.activity"].sudo().search(
            [("res_model", "=", "crm.lead"), ("res_id", "in", self.ids), ("nurture_touch", "=", True)]
        ).unlink()

    def _get_nurture_responsible(self):
        """Who makes the lead's nurture touches: its salesperson while active, else the default
        responsible, as for partners: a lead never waits on someone who will not look."""
        self.ensure_one()
        if self.user_id.active:
            return self.user_id
        return self.env["res.partner"]._get_cadence_settings()["default_user"]

    def _reassign_nurture_touches(self):
        """Open nurture touches follow their lead's responsible (after an archive, say)."""
        touches = (
            self.env["mail.activity"]
            .sudo()
            .search([("res_model", "=", "crm.lead"), ("res_id", "in", self.ids), ("nurture_touch", "=", True)])
        )
        for touch in touches:
            responsible = self.browse(touch.res_id)._get_nurture_responsible()
            if touch.user_id != responsible:
                touch.with_context(mail_activity_quick_update=True).user_id = responsible

    def _plan_nurture(self):
        """Move each running lead to its current phase and keep exactly one open nurture touch."""
        today = fields.Date.context_today(self)
        horizon = self.env["res.partner"]._get_cadence_settings()["horizon_days"]
        cutoff = planning_cutoff(today, horizon)
        activities = self.env["mail.activity"].sudo()
        sequences = {}
        for lead in self.filtered(lambda lead: lead.nurture_state == "running"):
            if lead.is_blacklisted:
                lead._stop_nurture(self.env._("The e-mail address is blacklisted."))
                continue
            if lead.company_id not in sequences:
                sequences[lead.company_id] = self.env["crm.nurture.phase"]._get_sequence(lead.company_id)
            phases = sequences[lead.company_id]
            if not phases:
                continue
            index, due = next_nurture_touch(
                [phase._as_domain_phase() for phase in phases],
                lead.nurture_start_date,
                lead.nurture_last_touch_date or None,
                today,
            )
            phase = phases[index]
            if lead.nurture_phase != phase:
                lead.nurture_phase = phase
                lead.message_post(
                    body=self.env._("Nurture phase: %(phase)s.", phase=phase.name), subtype_xmlid="mail.mt_note"
                )
            lead.nurture_next_date = due
            open_touch = activities.search(
                [("res_model", "=", "crm.lead"), ("res_id", "=", lead.id), ("nurture_touch", "=", True)], limit=1
            )
            if open_touch:
                if open_touch.date_deadline != due:
                    open_touch.with_context(mail_activity_quick_update=True).date_deadline = due
                continue
            if due > cutoff:
                continue
            channel = next_channel(
                phase.activity_type_ids.ids,
                lead.nurture_touch_count,
                preferred=(lead.preferred_channel_id or lead.partner_id.preferred_channel_id).id,
            )
            lead.sudo().with_context(mail_activity_quick_update=True).activity_schedule(
                activity_type_id=channel or self.env.ref("mail.mail_activity_data_call").id,
                date_deadline=due,
                summary=self.env._("%(phase)s touch %(number)s", phase=phase.name, number=lead.nurture_touch_count + 1),
                note=lead._get_nurture_touch_note(),
                user_id=lead._get_nurture_responsible().id,
                nurture_touch=True,
            )

    def _get_nurture_touch_note(self):
        """What the touch must carry; extend to add more (a recommender, say)."""
        self.ensure_one()
        lines = [self.env._("Bring something new: an offer, a case, a piece of news. Record it when done.")]
        if self.referred_by_id:
            lines.append(self.env._("Recommended by %(referrer)s.", referrer=self.referred_by_id.name))
        return Markup("").join(Markup("<p>%s</p>") % escape(line) for line in lines)

    def _register_nurture_touch(self, touch_date):
        for lead in self.filtered(lambda lead: lead.nurture_state == "running"):
            lead.write(
                {
                    "nurture_touch_count": lead.nurture_touch_count + 1,
                    "nurture_last_touch_date": max(touch_date, lead.nurture_last_touch_date or touch_date),
                }
            )
        self._plan_nurture()

    @api.model
    def _cron_plan_lead_touches(self):
        """Scheduled action: leads get the marker questions of a team they were moved to, and
        every nurtured lead its one open touch, due as its phase says. Batches are claimed
        and committed as partner.cadence.planner describes."""
        planner = self.env["partner.cadence.planner"]
        missing = planner._run_step(self._get_leads_missing_marker_questions)
        planner._run_batches("crm.lead", [("id", "in", missing.ids)], self._add_marker_questions_to)
        return planner._run_batches("crm.lead", [("nurture_state", "=", "running")], self._plan_nurture_of)

    @api.model
    def _add_marker_questions_to(self, leads):
        leads._add_marker_questions()
        return len(leads)

    @api.model
    def _plan_nurture_of(self, leads):
        leads._plan_nurture()
        return len(leads)

    @api.model
    def _partner_cadence_add_pls_fields(self):
        """Let predictive lead scoring learn from the potential and the qualification score."""
        params = self.env["ir.config_parameter"].sudo()
        current = [name for name in (params.get_param("crm.pls_fields") or "").split(",") if name]
        wanted = current + [name for name in ("potential", "qualification_score") if name not in current]
        if wanted != current:
            params.set_param("crm.pls_fields", ",".join(wanted))

    # ---------------------------------------------------------------------------------------
    # Merge
    # ---------------------------------------------------------------------------------------

    def _merge_dependences_history(self, opportunities):
        """Odoo moves every activity of the merged leads onto this one: keep one open nurture
        touch, this lead's if it has one, so that the move does not break the one-touch index."""
        touches = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "crm.lead"),
                    ("res_id", "in", (self | opportunities).ids),
                    ("nurture_touch", "=", True),
                ],
                order="id",
            )
        )
        kept = touches.filtered(lambda touch: touch.res_id == self.id)[:1] or touches[:1]
        (touches - kept).unlink()
        return super()._merge_dependences_history(opportunities)

    # ---------------------------------------------------------------------------------------
    # Conversion
    # ---------------------------------------------------------------------------------------

    def _prepare_customer_values(self, partner_name, is_company=False, parent_id=False):
        values = super()._prepare_customer_values(partner_name, is_company=is_company, parent_id=parent_id)
        values.update(source_id=self.source_id.id, referred_by_id=self.referred_by_id.id)
        return values

    def _handle_partner_assignment(self, force_partner_id=False, create_missing=True):
        result = super()._handle_partner_assignment(force_partner_id=force_partner_id, create_missing=create_missing)
        for lead in self.filtered("partner_id"):
            missing = {}
            if lead.source_id and not lead.partner_id.source_id:
                missing["source_id"] = lead.source_id.id
            if lead.referred_by_id and not lead.partner_id.referred_by_id and lead.referred_by_id != lead.partner_id:
                missing["referred_by_id"] = lead.referred_by_id.id
            if missing:
                lead.partner_id.write(missing)
        return result
