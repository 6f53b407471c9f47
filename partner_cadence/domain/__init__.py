"""The sales methodology partner_cadence implements, as pure Python.

Nothing here imports odoo or reads the clock: models pass plain values and ``today`` in and
get plain values back, so every rule is tested without a database and read in one place. The
numbers below are the methodology's; each is shipped as a setting (``settings``) or a data
record (tiers, nurture phases), never a constant in code. Other parts of the addon refer to
these sections as §1 to §7.

§1 Channel partners (``cadence``, ``classification``, ``economics``). A partner is someone our
   target clients call (a realtor, say). How often they get such calls decides how often we
   contact them: every day → once a week; about weekly to monthly → once a month; rarely →
   once every two months; very rarely → once a quarter. Reminders follow that rhythm. The
   first-contact information comes first, even after a bad call: full name, a phone, and the
   organisation or a mark that the partner is a private individual. Then, secondary: deal
   volume (market share against a local market of about 100 deals a year: a deal a quarter is
   about 4%, a deal a month about 12%), how often clients reach them, team size, colleagues
   and third parties they can recommend.
§2 Clients (``cadence``, ``classification``, ``economics``). Five priority levels by financial
   standing and relationship, each with N meetings and N calls per quota period: 1 high
   standing, loyal but buying rarely: 5 and 5; 2 new, high standing: 4 and 4; 3 loyal, average
   income: 3 and 3; 4 rare or new, average income: 2 and 2; 5 one-off or seasonal: one meeting
   if possible, no call. The period is a setting (the sources name none). Three deals a week
   need fifteen contacts (one in five converts; a setting, 20%); clients needed in a month =
   sales plan / average deal.
§3 Referrals (``referrals``). Ask every partner for colleagues and third parties; record who
   recommended whom. The tree of introductions lets us call "on behalf of" someone, which a
   busy professional listens to; six handshakes reach almost anyone.
§4 Leads (``nurture``). A lead that made contact: 21 to 30 days of intensive work with at least
   7 touches, then at least weekly (educational) touches, then monthly ones until it buys or
   leaves. Each touch carries something new; channels rotate (call, e-mail, letter), paper for
   those who want it. Each month without touches costs about 10% of the base's value.
§5 Roles (``reminders``). The qualifier checks the need is current and books a meeting for a
   seller; the seller closes the first deal and hands the client to an account manager. Each
   hand-off is a reminder for the next owner.
§6 Qualification (``nurture``, ``classification``). Two to four marker questions sort a
   prospect into low (not developed), standard or high potential (an expert takes it through
   a reinforced scheme in weekly windows); a real prospect has need, desire, funds and
   authority.
§7 Existing clients (``economics``). Share of wallet: our share of what the client buys of
   the category; up-sell is what would make them buy 15-20% more.

``reminders`` holds the engine's rules: one open reminder per record and kind, who gets it,
when it is planned and how the touch it leads to is dated. ``settings`` lists every number an
admin tunes, with its shipped value; ``bounds`` the calendar's limits on what people type.
"""
