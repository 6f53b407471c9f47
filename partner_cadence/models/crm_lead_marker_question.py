from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from .. import compat

POTENTIAL_SELECTION = [("low", "Low"), ("standard", "Standard"), ("high", "High")]


class CrmLeadMarkerQuestion(models.Model):
    """A "marker" question asked indirectly early in a conversation (§6):
    each answer range says whether a prospect has low, standard or high potential."""

    _name = "crm.lead.marker.question"
    _description = "Marker Question"
    _order = "sequence, id"

    name = fields.Char(string="Question", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", help="Leave empty to ask it in every team.")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    option_ids = fields.One2many("crm.lead.marker.option", "question_id", string="Answers", copy=True)

    @api.constrains("option_ids", "active")
    def _check_options(self):
        for question in self.filtered("active"):
            if not question.option_ids:
                raise ValidationError(
                    self.env._("The marker question “%(question)s” needs answer options.", question=question.name)
                )

    @api.constrains("active", "team_id", "company_id")
    def _check_active_count(self):
        limit = self.env["partner.cadence.planner"]._get_settings().marker_questions_max
        for question in self.filtered("active"):
            # A team's leads are asked its own questions and the company-wide ones: both count,
            # so a company-wide question counts against the busiest team.
            companies = [False, question.company_id.id]
            shared = self.search_count([("team_id", "=", False), ("company_id", "in", companies)])
            team_domain = [("team_id", "=", question.team_id.id)] if question.team_id else [("team_id", "!=", False)]
            own = dict(self._read_group([*team_domain, ("company_id", "in", companies)], ["team_id"], ["__count"]))
            count = shared + max(own.values(), default=0)
            if limit and count > limit:
                raise ValidationError(
                    self.env._(
                        "Keep to %(limit)s active marker questions per team: they must stay quick to ask.",
                        limit=limit,
                    )
                )


class CrmLeadMarkerOption(models.Model):
    _name = "crm.lead.marker.option"
    _description = "Marker Answer Option"
    _order = "question_id, sequence, id"

    question_id = fields.Many2one("crm.lead.marker.question", required=True, ondelete="cascade", index=True)
    name = fields.Char(string="Answer", required=True, translate=True)
    sequence = fields.Integer(default=10)
    potential = fields.Selection(POTENTIAL_SELECTION, required=True, default="standard")
    company_id = fields.Many2one(related="question_id.company_id", store=True)

    def unlink(self):
        emptied = self.question_id.filtered(lambda question: question.active and not question.option_ids - self)
        if emptied and not self.env.context.get(MODULE_UNINSTALL_FLAG):
            raise UserError(
                self.env._(
                    "The marker question “%(question)s” needs answer options: archive the question instead.",
                    question=emptied[0].name,
                )
            )
        return super().unlink()


@compat.sql_constraints(("lead_question_uniq", "UNIQUE(lead_id, question_id)", "A question is answered once per lead."))
class CrmLeadMarkerAnswer(models.Model):
    _name = "crm.lead.marker.answer"
    _description = "Marker Answer"
    _order = "lead_id, question_id"

    lead_id = fields.Many2one("crm.lead", required=True, ondelete="cascade", index=True)
    question_id = fields.Many2one("crm.lead.marker.question", required=True, ondelete="cascade")
    option_id = fields.Many2one(
        "crm.lead.marker.option", string="Answer", domain="[('question_id', '=', question_id)]", ondelete="cascade"
    )
    potential = fields.Selection(related="option_id.potential")
    company_id = fields.Many2one(related="lead_id.company_id", store=True)

    @api.model_create_multi
    def create(self, vals_list):
        answers = super().create(vals_list)
        answers.filtered("option_id").lead_id._apply_potential()
        return answers

    def write(self, vals):
        result = super().write(vals)
        if "option_id" in vals:
            self.lead_id._apply_potential()
        return result

    @api.constrains("option_id", "question_id")
    def _check_option_matches_question(self):
        for answer in self:
            if answer.option_id and answer.option_id.question_id != answer.question_id:
                raise ValidationError(
                    self.env._(
                        "“%(option)s” is not an answer to “%(question)s”.",
                        option=answer.option_id.name,
                        question=answer.question_id.name,
                    )
                )
