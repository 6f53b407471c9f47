"""The demo marker answers became records of their own, with XML ids, to be translated.

Give the answers an earlier version created inline those ids (by question and order), so that
the update rewrites them instead of adding a second set beside them.
"""

from odoo.tools import SQL

DEMO_ANSWERS = {
    "crm_lead_marker_question_staff": ("staff_outsourced", "staff_few", "staff_many"),
    "crm_lead_marker_question_area": ("area_small", "area_medium", "area_large"),
}


def migrate(cr, version):
    for question, answers in DEMO_ANSWERS.items():
        for sequence, answer in enumerate(answers, 1):
            cr.execute(
                SQL(
                    """
                    INSERT INTO ir_model_data (module, name, model, res_id, noupdate)
                    SELECT 'partner_cadence', %(name)s, 'crm.lead.marker.option', option.id, FALSE
                      FROM crm_lead_marker_option option
                      JOIN ir_model_data question
                        ON question.res_id = option.question_id AND question.model = 'crm.lead.marker.question'
                       AND question.module = 'partner_cadence' AND question.name = %(question)s
                     WHERE option.sequence = %(sequence)s
                       AND NOT EXISTS (SELECT 1 FROM ir_model_data known
                                        WHERE known.module = 'partner_cadence' AND known.name = %(name)s)
                     LIMIT 1
                    """,
                    name=f"crm_lead_marker_option_{answer}",
                    question=question,
                    sequence=sequence,
                )
            )
