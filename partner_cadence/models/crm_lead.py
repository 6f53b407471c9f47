import datetime
from collections import Counter, defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .. import compat
from ..domain.b2b_cycle import ACCOUNT_STEPS, SELLER_STEPS, step_reached
from ..domain.experts import expert_meeting_day, meetings_per_window
from ..domain.nurture import authority_mark, hand_off_refusal, lead_potential, qualification_score
from ..domain.prospects import work_rank
from ..domain.reminders import EXPERT_MEETING, HAND_OFF, Reminder, slot
from .crm_lead_marker_question import POTENTIAL_SELECTION
from .res_partner_prospect import COMPANY_SIZE_SELECTION

MARK_SELECTION = [("unknown", "Unknown"), ("yes", "Yes"), ("no", "No")]


class CrmLead(models.Model):
    _inherit = "crm.lead"

    marker_answer_ids = fields.One2many("crm.lead.marker.answer", "lead_id", string="Marker Answers")

    potential = fields.Selection(
        POTENTIAL_SELECTION,
        compute="_compute_potential",
        store=True,
        tracking=True,
        help="From the marker answers: low is not developed, high gets an expert.",
    )

    cadence_company_size = fields.Selection(
        COMPANY_SIZE_SELECTION,
        compute="_compute_cadence_company_size",
        store=True,
        readonly=False,
        precompute=True,
        string="Company Size",
        help="The size of the customer's company, as recorded on it; set it here while the lead has no customer.",
    )

    cadence_work_rank = fields.Integer(
        compute="_compute_cadence_work_rank",
        store=True,
        string="Largest First",
        help="The order prospects are worked in: higher potential first, then larger companies.",
    )

    qualification_need = fields.Selection(MARK_SELECTION, string="Need", default="unknown", required=True)

    qualification_desire = fields.Selection(MARK_SELECTION, string="Desire", default="unknown", required=True)

    qualification_funds = fields.Selection(MARK_SELECTION, string="Funds", default="unknown", required=True)

    buying_role_ids = fields.One2many("crm.lead.buying.role", "lead_id", string="Buying Centre")

    competitor_ids = fields.Many2many(
        "crm.competitor",
        "crm_lead_competitor_rel",
        "lead_id",
        "competitor_id",
        string="Competing With",
        check_company=True,
        help="The competitors the customer is also talking to.",
    )

    lost_competitor_id = fields.Many2one(
        "crm.competitor", string="Lost To", check_company=True, index="btree_not_null", tracking=True
    )

    qualification_authority = fields.Selection(
        MARK_SELECTION,
        string="Authority",
        compute="_compute_qualification_authority",
        store=True,
        precompute=True,
        help="Yes once a decision maker of the buying centre is identified and met.",
    )

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

    pipeline_role = fields.Selection(
        [("qualification", "Qualification"), ("selling", "Selling"), ("account", "Account management")],
        string="Pipeline Stage Owner",
        default="qualification",
        tracking=True,
    )

    qualifier_id = fields.Many2one("res.users", default=lambda self: self.env.user)

    cadence_cycle_step_id = fields.Many2one(
        "mail.activity.plan.template",
        string="B2B Cycle Step Reached",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        tracking=True,
        help="The furthest step of the B2B sales cycle done on this opportunity, from the activity plan.",
    )

    cadence_cycle_step = fields.Integer(
        related="cadence_cycle_step_id.cadence_cycle_step",
        store=True,
        string="B2B Cycle Step",
        help="The number of the furthest step of the B2B cycle done (1 to 18).",
    )

    cadence_cycle_step_label = fields.Char(
        compute="_compute_cadence_cycle_step_label",
        string="Step Reached",
        help="The furthest step of the B2B sales cycle done on this opportunity.",
    )

    account_manager_id = fields.Many2one("res.users", tracking=True)

    @api.depends("partner_id.commercial_partner_id.cadence_company_size")
    def _compute_cadence_company_size(self):
        for lead in self:
            # A size typed on a lead stays until its customer's company says one.
            lead.cadence_company_size = (
                lead.partner_id.commercial_partner_id.cadence_company_size or lead.cadence_company_size
            )

    @api.depends("potential", "cadence_company_size")
    def _compute_cadence_work_rank(self):
        for lead in self:
            lead.cadence_work_rank = work_rank(lead.potential, lead.cadence_company_size)

    @api.depends("marker_answer_ids.option_id.potential")
    def _compute_potential(self):
        settings = self.env["partner.cadence.planner"]._get_settings()
        for lead in self:
            answers = [answer.option_id.potential for answer in lead.marker_answer_ids if answer.option_id]
            lead.potential = (
                lead_potential(answers, settings.potential_low_answers, settings.potential_high_percent) or False
            )

    @api.depends("buying_role_ids.role", "buying_role_ids.met")
    def _compute_qualification_authority(self):
        for lead in self:
            lead.qualification_authority = authority_mark(
                [(member.role, member.met) for member in lead.buying_role_ids]
            )

    @api.depends("qualification_need", "qualification_desire", "qualification_funds", "qualification_authority")
    def _compute_qualification_score(self):
        for lead in self:
            lead.qualification_score = qualification_score(
                lead.qualification_need,
                lead.qualification_desire,
                lead.qualification_funds,
                lead.qualification_authority,
            )

    @api.model_create_multi
    def create(self, vals_list):
        # §4: every potential client who makes contact is nurtured. The lead is enrolled here,
        # in the row crm inserts anyway, and the lead planner (woken now) starts it.
        enrol = self.env["partner.cadence.planner"]._get_settings().nurture_on_create
        if enrol:
            today = fields.Date.context_today(self)
            vals_list = [
                {"nurture_start_date": today, **vals}
                if vals.get("active", True) and vals.get("probability") != 100
                else vals
                for vals in vals_list
            ]
        leads = super().create(vals_list)
        leads._add_marker_questions()
        if enrol:
            cron = self.env.ref("partner_cadence.ir_cron_plan_lead_touches", raise_if_not_found=False)
            if cron and any(lead.nurture_start_date and not lead.nurture_state for lead in leads):
                cron._trigger()
        return leads

    def write(self, vals):
        lost = self.filtered(lambda lead: not lead.active) if vals.get("active") else self.browse()
        result = super().write(vals)
        if "stage_id" in vals:
            self.filtered(
                lambda lead: lead.nurture_state in ("running", "paused") and lead.active and lead.stage_id.is_won
            )._stop_nurture(self.env._("The lead was won."))
        # Losing writes active, then the reason: action_set_lost decides once both are there.
        if not self.env.context.get("partner_cadence_losing"):
            if "active" in vals or "lost_reason_id" in vals:
                self._nurture_after_loss()
            if lost:
                # As crm forgets the lost reason of a restored lead: it was not lost to anyone.
                lost.filtered("lost_competitor_id").lost_competitor_id = False
                lost._nurture_after_restore()
        return result

    def action_set_lost(self, **additional_values):
        result = super(CrmLead, self.with_context(partner_cadence_losing=True)).action_set_lost(**additional_values)
        self._nurture_after_loss()
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

    def _cadence_rederive(self, inputs):
        """Hook of ``partner.cadence.planner._rederive``: the marker thresholds changed, the
        leads whose potential moved with them are cut or given an expert, as when answered;
        the nurture phases changed (``nurture_phase``), the running leads are re-planned."""
        before = {lead.id: lead.potential for lead in self}
        self.modified(inputs)
        self.env.flush_all()
        self.filtered(lambda lead: lead.active and lead.potential != before[lead.id])._apply_potential()
        if "nurture_phase" in inputs:
            self.filtered(lambda lead: lead.nurture_state == "running")._plan_nurture()
        if "lost_reason_id" in inputs:
            self._nurture_after_loss()

    def _apply_potential(self):
        """Cut a low-potential lead from nurturing; give a high-potential one an expert."""
        self.filtered(
            lambda lead: lead.potential == "low" and lead.nurture_state in ("running", "paused")
        )._stop_nurture(self.env._("Low potential: not developed."))
        self.filtered(lambda lead: lead.potential == "high" and not lead.expert_id)._assign_expert()
        # High potential has a reinforced sequence of its own (§6): the open touch follows it.
        self.filtered(lambda lead: lead.nurture_state == "running")._plan_nurture()

    def _get_expert_candidates(self):
        """Members of the experts group of the settings (head of sales, senior engineer...)."""
        group = (
            self.env["res.groups"]
            .sudo()
            .browse(self.env["partner.cadence.planner"]._get_settings().expert_group_id)
            .exists()
        )
        return group[compat.GROUP_MEMBERS].filtered(lambda user: user.active and not user.share)

    def _get_expert_meetings_booked(self, experts, today):
        """{expert id: {Monday of a week: open expert meetings due that week}} from ``today`` on."""
        booked = defaultdict(dict)
        rows = (
            self.env["mail.activity"]
            .sudo()
            ._read_group(
                [
                    ("user_id", "in", experts.ids),
                    ("cadence_slot", "=", slot(EXPERT_MEETING)),
                    ("date_deadline", ">=", today),
                ],
                ["user_id", "date_deadline:day"],
                ["__count"],
            )
        )
        for user, day, count in rows:
            week = day - datetime.timedelta(days=day.weekday())
            booked[user.id][week] = booked[user.id].get(week, 0) + count
        return booked

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
        meeting_type_id = self.env["ir.model.data"]._xmlid_to_res_id("mail.mail_activity_data_meeting")
        today = fields.Date.context_today(self)
        booked = self._get_expert_meetings_booked(candidates, today)
        settings = self.env["partner.cadence.planner"]._get_settings()
        wanted = {}
        for lead in self:
            expert = min(candidates, key=lambda user: (load[user], user.id))
            load[expert] += 1
            lead.expert_id = expert
            day = today
            if expert.cadence_expert_window_day:
                per_week = meetings_per_window(
                    expert.cadence_expert_window_hours or settings.expert_window_hours, settings.expert_meeting_hours
                )
                day = expert_meeting_day(today, int(expert.cadence_expert_window_day), booked[expert.id], per_week)
                week = day - datetime.timedelta(days=day.weekday())
                booked[expert.id][week] = booked[expert.id].get(week, 0) + 1
            wanted[lead.id, slot(EXPERT_MEETING)] = Reminder(meeting_type_id, day, expert.id)

        # Planned now, however far the expert's window is.
        cutoff = max(reminder.deadline for reminder in wanted.values())
        self.env["crm.lead"]._ensure_cadence_reminders(wanted, cutoff)

    def _describe_cadence_slot(self, reminder_slot, format_day):
        """An expert's meeting says why the lead is theirs; a hand-off, whose lead it is now."""
        if reminder_slot == slot(EXPERT_MEETING):
            return self.env._("Expert meeting: high-potential lead"), [
                self.env._(
                    "%(lead)s answered the marker questions as a high-potential prospect: "
                    "take it through the reinforced scheme in your weekly expert window.",
                    lead=self.name,
                )
            ]
        if reminder_slot == slot(HAND_OFF):
            return self.env._("Handed over to you: %(lead)s", lead=self.name), []
        return super()._describe_cadence_slot(reminder_slot, format_day)

    @api.depends("cadence_cycle_step")
    @api.depends_context("lang")
    def _compute_cadence_cycle_step_label(self):
        names = self._get_cycle_step_names()
        for lead in self:
            lead.cadence_cycle_step_label = self._get_cycle_step_title(lead.cadence_cycle_step, names)

    def _get_cycle_step_names(self):
        """{step: what it asks} of the B2B cycle's eighteen steps (§5), in the reader's language."""
        _ = self.env._
        names = (
            _("establish the relationship"),
            _("find who decides and who influences the decision"),
            _("find or shape the potential needs"),
            _("send a framework proposal"),
            _("check the budget at the client"),
            _("check the purchase is current"),
            _("learn the needs of the concrete project"),
            _("write the proposal"),
            _("present the proposal"),
            _("prove it holds"),
            _("answer the objections"),
            _("negotiate and close"),
            _("have the funding allocated"),
            _("take part in the tender, if any"),
            _("sign the contract"),
            _("deliver the project"),
            _("prove its effect"),
            _("ask for a testimonial"),
        )
        return dict(zip(SELLER_STEPS + ACCOUNT_STEPS, names, strict=True))

    def _get_cycle_step_titles(self, activities):
        """{activity: title} of the B2B cycle's steps among ``activities``, in the reader's
        language whatever the plan's summaries were written in."""
        names = self._get_cycle_step_names()
        titles = {
            activity: self._get_cycle_step_title(activity.cadence_cycle_template_id.cadence_cycle_step, names)
            for activity in activities
        }
        return {activity: title for activity, title in titles.items() if title}

    def _get_cycle_step_title(self, step, names):
        """ "Step 3 of 18: find or shape the potential needs", from ``_get_cycle_step_names``'s
        ``names``; False for a step outside the cycle."""
        if step not in names:
            return False
        return self.env._("Step %(step)s of %(last)s: %(name)s", step=step, last=ACCOUNT_STEPS[-1], name=names[step])

    def _register_cycle_steps(self, done):
        """The steps of the B2B cycle done, as (lead id, plan template) pairs: each lead keeps
        the furthest (§5)."""
        # One query for the leads still there, whatever the number of steps done at once.
        leads = self.browse({lead_id for lead_id, _template in done}).exists()
        for lead_id, template in done:
            lead = self.browse(lead_id)
            current = lead.cadence_cycle_step_id.cadence_cycle_step
            if lead in leads and step_reached(current, template.cadence_cycle_step) != current:
                lead.cadence_cycle_step_id = template

    def action_set_lost_low_potential(self):
        self.action_set_lost(lost_reason_id=self.env.ref("partner_cadence.crm_lost_reason_low_potential").id)

    def action_hand_off(self):
        """Pass the lead to the next role along the pipeline, with a reminder for its new owner
        (one open hand-off per lead: a second hand-off moves it on)."""
        self.check_access("write")
        next_role = {"qualification": "selling", "selling": "account"}
        todo_type_id = self.env["ir.model.data"]._xmlid_to_res_id("mail.mail_activity_data_todo")
        today = fields.Date.context_today(self)
        min_score = self.env["partner.cadence.planner"]._get_settings().handoff_min_score
        may_override = self.env.su or self.env.user.has_group("sales_team.group_sale_manager")
        wanted = {}
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
            refusal = hand_off_refusal(
                role,
                lead.need_is_current,
                lead.qualification_score,
                min_score,
                any(
                    event.start >= fields.Datetime.now() and owner.partner_id in event.partner_ids
                    for event in lead.calendar_event_ids
                ),
                lead.stage_id.is_won,
            )
            if refusal and not may_override:
                raise UserError(lead._get_hand_off_refusal_message(refusal, min_score))
            if refusal:
                lead.message_post(
                    body=self.env._(
                        "Handed on by a manager's decision: %(reason)s",
                        reason=lead._get_hand_off_refusal_message(refusal, min_score),
                    ),
                    subtype_xmlid="mail.mt_note",
                )
            lead.pipeline_role = role
            wanted[lead.id, slot(HAND_OFF)] = Reminder(todo_type_id, today, owner.id)

        self.env["crm.lead"]._ensure_cadence_reminders(wanted, today)

    def _get_hand_off_refusal_message(self, refusal, min_score):
        self.ensure_one()
        return {
            "not_qualified": self.env._(
                "%(lead)s is not qualified yet: check the need is current and reach a qualification of %(score)s%%.",
                lead=self.name,
                score=min_score,
            ),
            "no_meeting": self.env._(
                "Book a meeting for the seller in %(lead)s's calendar before handing it on.", lead=self.name
            ),
            "not_won": self.env._("The account manager takes %(lead)s over once the deal is won.", lead=self.name),
        }[refusal]

    @api.model
    def _partner_cadence_add_pls_fields(self):
        """Let predictive lead scoring learn from the potential and the qualification score."""
        params = self.env["ir.config_parameter"].sudo()
        current = [name for name in (params.get_param("crm.pls_fields") or "").split(",") if name]
        wanted = current + [name for name in ("potential", "qualification_score") if name not in current]
        if wanted != current:
            params.set_param("crm.pls_fields", ",".join(wanted))

    def _prepare_customer_values(self, partner_name, is_company=False, parent_id=False):
        values = super()._prepare_customer_values(partner_name, is_company=is_company, parent_id=parent_id)
        values.update(source_id=self.source_id.id, referred_by_id=self.referred_by_id.id)
        if is_company:
            values["cadence_company_size"] = self.cadence_company_size
        return values

    def _handle_partner_assignment(self, force_partner_id=False, create_missing=True, **kwargs):
        # 19's convert wizard passes with_parent=, which 18 does not know: pass on what comes.
        result = super()._handle_partner_assignment(
            force_partner_id=force_partner_id, create_missing=create_missing, **kwargs
        )
        for lead in self.filtered("partner_id"):
            missing = {}
            if lead.source_id and not lead.partner_id.source_id:
                missing["source_id"] = lead.source_id.id
            if lead.referred_by_id and not lead.partner_id.referred_by_id and lead.referred_by_id != lead.partner_id:
                missing["referred_by_id"] = lead.referred_by_id.id
            if missing:
                lead.partner_id.write(missing)
        return result
