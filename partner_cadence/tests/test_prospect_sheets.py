from odoo.exceptions import AccessError
from odoo.tests import tagged, users
from odoo.tools import file_open

from .common import PartnerCadenceCommon

MODEL = "partner.cadence.prospect.sheet.line"


@tagged("post_install", "-at_install")
class TestProspectSheets(PartnerCadenceCommon):
    """§6: managers' prospect sheets, imported with Odoo's import and merged into one base."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._activate_translations()

    def _import(self, lang, content=None):
        path = f"partner_cadence/static/xls/prospect_sheet_{lang[:2] if lang != 'en_US' else 'en'}.csv"
        if content is None:
            with file_open(path, "rb") as template:
                content = template.read()
        importer = (
            self.env["base_import.import"]
            .with_context(lang=lang)
            .create({"res_model": MODEL, "file": content, "file_name": "sheet.csv", "file_type": "text/csv"})
        )
        options = {"quoting": '"', "separator": ",", "has_headers": True, "encoding": "utf-8"}
        preview = importer.parse_preview(options)
        self.assertFalse(preview.get("error"), preview)
        fields = [
            match[0] if match else False
            for match in (preview["matches"].get(i) for i in range(len(preview["headers"])))
        ]
        result = importer.execute_import(fields, preview["headers"], options)
        self.assertFalse([message for message in result["messages"] if message["type"] == "error"], result)
        return self.env[MODEL].browse(result["ids"])

    @users("cadence_manager")
    def test_each_languages_template_imports_as_is(self):
        for lang in ("en_US", "ru_RU", "ro_RO"):
            with self.subTest(lang=lang):
                rows = self._import(lang)
                self.assertEqual(len(rows), 1)
                self.assertEqual(rows.phone, "+373 69 111 001")
                self.assertTrue(rows.company_name and rows.head_name and rows.preliminary_orders and rows.comments)

    @users("cadence_manager")
    def test_rows_are_merged_created_or_skipped_and_reported(self):
        existing = self.env["res.partner"].create(
            {"name": "Old Client SRL", "is_company": True, "phone": "069 222 333"}
        )
        content = (
            b"Sheet,Company Name,Head's Full Name,Phone,Email,Preliminary Orders,Comments\n"
            b"Elena,Old Client Renamed,Ana Pop,+373 69 222 333,ana@old.example,,Pays late\n"
            b"Elena,New Tower,Dan Rusu,+373 69 444 555,,Ventilation,\n"
            b"Victor,,,,,,Nobody to call\n"
            b"Victor,50%_off Ltd,,+373 60 000 999,,,\n"
            b"Victor,Name Only Ltd,,,,,\n"
        )
        rows = self._import("en_US", content)
        result = rows.action_merge()
        self.assertIn("1 merged into existing partners, 2 created, 2 skipped", result["params"]["message"])
        merged, created, skipped, wildcard, name_only = rows
        self.assertEqual(name_only.state, "skipped", "a name alone is nobody to contact")
        self.assertIn("No phone and no e-mail", name_only.result_note)
        self.assertEqual(merged.result_note, "Merged into Old Client SRL.", "the row says what became of it")
        self.assertEqual(created.result_note, "Created New Tower. Opportunity opened.")
        self.assertEqual(created.lead_id.user_id, self.env.user, "the opportunity has a salesperson")
        self.assertEqual((merged.state, merged.partner_id), ("merged", existing))
        self.assertEqual(existing.email, "ana@old.example", "what was missing is filled in")
        self.assertIn("Pays late", existing.message_ids[0].body)
        self.assertEqual(created.state, "created")
        self.assertTrue(created.partner_id.is_company)
        self.assertEqual(created.partner_id.child_ids.name, "Dan Rusu")
        self.assertEqual(created.lead_id.partner_id, created.partner_id, "a preliminary order opens a lead")
        self.assertEqual(skipped.state, "skipped")
        self.assertEqual(wildcard.state, "created", "% and _ in a name match nobody by accident")
        self.assertEqual(
            rows.action_merge()["params"]["message"], "0 merged into existing partners, 0 created, 0 skipped."
        )

    @users("cadence_manager")
    def test_a_company_row_is_never_merged_into_a_person(self):
        person = self.env["res.partner"].create({"name": "Ion Popescu", "phone": "+373 69 111 777"})
        rows = self._import(
            "en_US", b"Sheet,Company Name,Head's Full Name,Phone\nElena,Unique Tower SRL,Ion Popescu,069 111 777\n"
        )
        rows.action_merge()
        self.assertEqual(rows.state, "created")
        self.assertTrue(rows.partner_id.is_company)
        self.assertNotEqual(rows.partner_id, person)
        self.assertFalse(person.is_company)

    def test_the_templates_say_they_are_utf8(self):
        for lang in ("en", "ru", "ro"):
            with self.subTest(lang=lang), file_open(f"partner_cadence/static/xls/prospect_sheet_{lang}.csv", "rb") as f:
                self.assertTrue(f.read().startswith(b"\xef\xbb\xbf"), "a byte order mark")

    @users("cadence_salesman")
    def test_a_salesperson_has_no_access(self):
        with self.assertRaises(AccessError):
            self.env[MODEL].search([])

    def test_another_companys_manager_sees_neither_sheets_nor_direct_mail(self):
        self.env[MODEL].create({"company_name": "Our Secret Prospect"})
        self.env["partner.cadence.direct.mail"].create({"partner_id": self.realtor.id, "user_id": self.manager.id})
        outsider = self._other_company_user("sheet_outsider")
        self.assertFalse(self.env[MODEL].with_user(outsider).search([]))
        self.assertFalse(self.env["partner.cadence.direct.mail"].with_user(outsider).search([]))
