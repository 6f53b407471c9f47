{
    "name": "Partner Cadence",
    "summary": "Contact every partner, client and lead at the right rhythm: "
    "cadence tiers and reminders in the activity inbox",
    "version": "18.0.1.2.0",
    "category": "Sales/CRM",
    "website": "https://github.com/partner-cadence/partner_cadence",
    "author": "partner_cadence developers",
    "license": "AGPL-3",
    "depends": ["crm", "mail", "contacts", "calendar", "utm", "web_hierarchy"],
    "data": [
        "security/partner_cadence_security.xml",
        "security/ir.model.access.csv",
        "data/ir_config_parameter_data.xml",
        "data/mail_activity_type_data.xml",
        "data/partner_cadence_tier_data.xml",
        "data/utm_source_data.xml",
        "data/res_partner_referral_kind_data.xml",
        "data/ir_cron_data.xml",
        "views/partner_cadence_tier_views.xml",
        "views/res_partner_views.xml",
        "views/partner_cadence_touch_views.xml",
        "views/res_partner_referral_views.xml",
        "views/res_partner_referral_wizard_views.xml",
        "views/res_partner_referral_report_views.xml",
        "views/res_config_settings_views.xml",
        "views/partner_cadence_menus.xml",
    ],
    "demo": [
        "demo/res_partner_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "partner_cadence/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": False,
}
