"""What differs between Odoo 18.0 and 19.0 for this addon, in one place.

One tree serves both releases. Each difference has a name here saying what differs; models,
views, data and tests use the name and never test the release themselves. Its JavaScript
counterpart is ``static/src/compat/compat.js``. When a release is dropped, its branch of each name
goes, and the names that then say nothing go with it.
"""

import threading

from odoo import api, models, release
from odoo.modules import module

from odoo.addons.mail.tools.discuss import Store

# Whether the running server is 19.0 (or later), not 18.0.
IS_19 = release.version_info[0] >= 19

# 19 dropped res.partner.mobile and crm.lead.mobile: a contact has one phone field.
PARTNER_PHONE_FIELDS = ("phone",) if IS_19 else ("phone", "mobile")

# 19 renamed the groups of a user and of an action (groups_id -> group_ids) and the members of
# a group (users -> user_ids). 18 also stores there the members a group gets through implied
# groups; 19 stores only those given the group itself (GROUP_USERS, what a write sets) and
# computes everyone into all_user_ids (GROUP_MEMBERS, what a read asks).
USER_GROUPS = "group_ids" if IS_19 else "groups_id"
ACTION_GROUPS = "group_ids" if IS_19 else "groups_id"
GROUP_USERS = "user_ids" if IS_19 else "users"
GROUP_MEMBERS = "all_user_ids" if IS_19 else "users"

# 18 keeps a done activity only when its type says keep_done (archived); 19 keeps (archives)
# every done activity and dropped the option.
ACTIVITY_TYPE_KEEPS_DONE = {} if IS_19 else {"keep_done": True}

# 19's mail.activity create and write send each responsible user the change of their activity
# counter themselves; 18 sends nothing when activities come in bulk, so the planner says it.
ACTIVITY_COUNTER_SENT_BY_ODOO = IS_19

# A pipeline stage belongs to one sales team in 18 (team_id) and to several in 19 (team_ids).
STAGE_TEAMS = "team_ids" if IS_19 else "team_id"


def stage_team_values(team):
    """The values that make a new pipeline stage the sales team ``team``'s own."""
    return {STAGE_TEAMS: [(4, team.id)] if IS_19 else team.id}


def in_test_transaction():
    """Whether this thread runs a test inside the test's own transaction, which must not
    commit. pytest-odoo and 18's runner mark the thread; 19's runner marks the process
    (odoo.modules.module.current_test) and runs the tests in the main thread, which serves no
    request: threads a test starts (races on committed data) and HTTP workers are not in it."""
    thread = threading.current_thread()
    if getattr(thread, "testing", False):
        return True
    return IS_19 and bool(module.current_test) and thread is threading.main_thread()


def sql_constraints(*constraints):
    """Class decorator declaring SQL constraints ``(name, definition, message)``: 18 reads them
    from ``_sql_constraints``, 19 ignores that attribute and reads ``models.Constraint``
    attributes, which it names ``<table>_<name>`` as 18 does, so databases keep their
    constraints' names across an upgrade."""

    def declare(cls):
        if not IS_19:
            cls._sql_constraints = list(constraints)
            return cls
        for name, definition, message in constraints:
            constraint = models.Constraint(definition, message)
            setattr(cls, f"_{name}", constraint)
            constraint.__set_name__(cls, f"_{name}")
        return cls

    return declare


def domain_or(domains):
    """The union of ``domains`` as a domain list (19 deprecates odoo.osv.expression for
    odoo.fields.Domain)."""
    if IS_19:
        from odoo.fields import Domain  # exists on 19 only

        return list(Domain.OR(domains))
    from odoo.osv import expression  # deprecated on 19

    return expression.OR(domains)


def report_cron_progress(env, done, remaining):
    """Tell a running scheduled action how far it is. 18's ``_notify_progress`` is deprecated on
    19 for ``_commit_progress``, which also commits: the planners commit each batch themselves
    (and never inside tests), so on 19 the progress row is written as 18 writes it."""
    if not IS_19:
        env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return
    progress_id = env.context.get("ir_cron_progress_id")
    if progress_id:
        env["ir.cron.progress"].sudo().browse(progress_id).write({"done": done, "remaining": remaining})


class MailActivityStore(models.Model):
    """How an activity reaches the browser: 18 sends every field it reads through
    ``_to_store``; 19 sends the fields ``_to_store_defaults`` names. Either way, a planned
    reminder goes with its title for the reader (``cadence_title``) and the
    flags the done popup asks by (a nurture touch, an NPS call); an activity that kept its
    type's default summary goes in the reader's language."""

    # Apart from models/mail_activity.py, so that the releases' differences stay in this file.
    _inherit = "mail.activity"  # pylint: disable=consider-merging-classes-inherited

    if IS_19:

        def _to_store_defaults(self, target):
            fields = [field for field in super()._to_store_defaults(target) if field != "summary"]
            return [
                *fields,
                "nurture_touch",
                "cadence_asks_score",
                Store.Attr("summary", lambda activity: activity.cadence_title),
            ]

    else:

        def _to_store(self, store):
            result = super()._to_store(store)
            for activity in self:
                if activity.cadence_title != activity.summary:
                    store.add(activity, {"summary": activity.cadence_title})
            return result


class ResGroups(models.Model):
    """XML data valid on both releases cannot name a group field (see USER_GROUPS): data files
    grant groups through these methods instead."""

    _inherit = "res.groups"

    @api.model
    def _cadence_restrict_actions(self, group_xmlid, action_xmlids):
        """Show the actions ``action_xmlids`` (bound to a model's Actions menu) to the group."""
        group = self.env.ref(group_xmlid)
        for xmlid in action_xmlids:
            self.env.ref(xmlid).write({ACTION_GROUPS: [(6, 0, group.ids)]})

    @api.model
    def _cadence_add_members(self, group_xmlid, user_xmlids):
        users = self.env["res.users"].browse(self.env.ref(xmlid).id for xmlid in user_xmlids)
        users.write({USER_GROUPS: [(4, self.env.ref(group_xmlid).id)]})
