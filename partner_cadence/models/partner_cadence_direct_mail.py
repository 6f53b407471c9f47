from collections import Counter, defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from .. import compat
from ..domain.reminders import Reminder, follow_up_call_date, letters_to_plan, slot

LETTER = "direct_mail_letter"
CALL = "direct_mail_call"


@compat.sql_constraints(
    (
        "one_target",
        "CHECK ((partner_id IS NULL) <> (lead_id IS NULL))",
        "A direct-mail line is for a contact or for a lead.",
    )
)
class PartnerCadenceDirectMail(models.Model):
    """One person on a salesperson's direct-mail list (§6): a letter, then a call a few days
    after it went out. The planner gives each salesperson at most the daily letter quota."""

    _name = "partner.cadence.direct.mail"
    _description = "Direct Mail"
    _order = "state_sequence, id"
    _rec_name = "display_target"

    partner_id = fields.Many2one("res.partner", ondelete="cascade", index="btree_not_null")
    lead_id = fields.Many2one("crm.lead", ondelete="cascade", index="btree_not_null")
    display_target = fields.Char(compute="_compute_display_target", string="Recipient")
    user_id = fields.Many2one(
        "res.users", string="Salesperson", required=True, index=True, default=lambda self: self.env.user
    )
    state = fields.Selection(
        [
            ("queued", "Waiting for Its Letter"),
            ("letter", "Letter to Send"),
            ("call", "Call to Make"),
            ("done", "Done"),
        ],
        required=True,
        default="queued",
        readonly=True,
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    letter_sent_date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)

    @api.depends("partner_id", "lead_id")
    def _compute_display_target(self):
        for line in self:
            line.display_target = (line.partner_id or line.lead_id).display_name

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {"letter": 0, "call": 1, "queued": 2, "done": 3}
        for line in self:
            line.state_sequence = order[line.state]

    def _get_target(self):
        self.ensure_one()
        return self.partner_id or self.lead_id

    @api.model
    def _start(self, records):
        """Put ``records`` (contacts or leads the user may read) on the user's direct-mail list;
        those already on it and not done are left as they are."""
        records.check_access("read")
        field = "partner_id" if records._name == "res.partner" else "lead_id"
        waiting = set(self.search([(field, "in", records.ids), ("state", "!=", "done")]).mapped(f"{field}.id"))
        new = records.filtered(lambda record: record.id not in waiting)
        if not new:
            raise UserError(self.env._("Everyone selected is already on a direct-mail list."))
        lines = self.create([{field: record.id} for record in new])
        self.browse()._plan_letters(lines.user_id)
        return self.env["partner.cadence.planner"]._notification(
            self.env._(
                "%(count)s added to your direct mail: a letter each, then a call a few days later.",
                count=len(lines),
            ),
            close_dialog=True,
        )

    @api.model
    def _plan_letters(self, users=None):
        """Give each salesperson letters to send today, up to the daily quota less the letters
        they still have open; the oldest waiting lines first."""
        planner = self.env["partner.cadence.planner"]
        settings = planner._get_settings()
        today = fields.Date.context_today(self)
        lines = self.sudo().search(
            [("state", "in", ("queued", "letter")), *([("user_id", "in", users.ids)] if users is not None else [])],
            order="id",
        )
        open_letters = Counter(line.user_id for line in lines if line.state == "letter")
        letter_type_id = self.env["ir.model.data"]._xmlid_to_res_id("partner_cadence.mail_activity_type_letter")
        chosen = self.browse()
        for user, user_lines in lines.filtered(lambda line: line.state == "queued").grouped("user_id").items():
            chosen |= user_lines[: letters_to_plan(open_letters[user], settings.direct_mail_daily_letters)]
        chosen.write({"state": "letter"})
        chosen._plan_reminders(LETTER, letter_type_id, today)
        return len(chosen)

    def _plan_reminders(self, reminder_slot, activity_type_id, deadline):
        """A reminder in ``reminder_slot`` of each line's contact or lead, for its salesperson."""
        planner = self.env["partner.cadence.planner"]
        default_user = planner._get_default_responsible(planner._get_settings())
        by_model = defaultdict(dict)
        for line in self:
            target = line._get_target()
            user = line.user_id if line.user_id.active else target._get_cadence_responsible(default_user)
            by_model[target._name][target.id, slot(reminder_slot)] = Reminder(activity_type_id, deadline, user.id)

        def describe(record, key, _format_day):
            if key == LETTER:
                return record.env._("Letter to %(name)s", name=record.display_name), [
                    record.env._("Send the letter today: a call follows a few days after it went out.")
                ]
            return record.env._("Call after the letter: %(name)s", name=record.display_name), [
                record.env._("The letter went out a few days ago: call to follow it up.")
            ]

        for model, wanted in by_model.items():
            self.env[model]._ensure_cadence_reminders(wanted, deadline, describe)

    @api.model
    def _register_done(self, done, day):
        """Move on the lines whose letter or follow-up call was done on ``day``; ``done`` holds
        (model, record id, slot) of the done activities."""
        settings = self.env["partner.cadence.planner"]._get_settings()
        call_type_id = self.env["ir.model.data"]._xmlid_to_res_id("mail.mail_activity_data_call")
        for kind, state in ((LETTER, "letter"), (CALL, "call")):
            partner_ids = [res_id for model, res_id, key in done if key == kind and model == "res.partner"]
            lead_ids = [res_id for model, res_id, key in done if key == kind and model == "crm.lead"]
            if not (partner_ids or lead_ids):
                continue
            lines = self.sudo().search(
                [("state", "=", state), "|", ("partner_id", "in", partner_ids), ("lead_id", "in", lead_ids)]
            )
            if state == "letter":
                lines.write({"state": "call", "letter_sent_date": day})
                lines._plan_reminders(
                    CALL, call_type_id, follow_up_call_date(day, settings.direct_mail_call_after_days)
                )
            else:
                lines.write({"state": "done"})
