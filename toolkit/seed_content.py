"""Seed text for the public site. Theme texts quote the GLA's *Asylum Welcome Design Lab
summary report* (19 February 2024), §3.1 (key integration issues) and §3.2 (themes in
current practice). The Arabic welcome page is an illustrative translation."""

REPORT = "Asylum Welcome Design Lab summary report, GLA, February 2024"

# (slug, title, challenge slug or None, summary, [(section heading, quotation)], resources)
THEMES = [
    ("accommodation-and-safeguarding", "Accommodation and safeguarding", "accommodation",
     "Welfare and safeguarding of people living in contingency hotels.",
     [("The issue", "The local authorities were deeply troubled by the welfare of people seeking "
       "asylum inside temporary hotel accommodation and reported a wide array of issues impacting "
       "their ability to get on with their lives."),
      ("Responses", "Other responses to concerns around contingency accommodation included the "
       "provision of 'safe spaces' for people seeking asylum outside the hotels, where residents "
       "could access a nutritious meal, participate in wellbeing sessions and raise issues with "
       "outreach staff.")],
     ["Safeguarding Assurance Tool", "Home Office contacts"]),
    ("agency", "Agency: lives on hold", "lives-on-hold",
     "Volunteering, travel and routine while people wait for a decision.",
     [("The issue", "One of the core barriers to integration for people seeking asylum was felt to "
       "be their lack of agency and independence to set up new lives."),
      ("Responses", "Volunteering was seen as a popular route to providing people seeking asylum "
       "with opportunities to develop skills, social connections and to practice their English "
       "language, until they were able to access employment.")],
     []),
    ("access-to-services", "Access to services", "service-barriers",
     "Welcome packs and orientation so that people can reach schools, GPs and support.",
     [("The issue", "Upon arrival, many asylum-seeking residents were unclear of how to register "
       "for schools or GP surgeries, or how to contact police about concerns for their safety."),
      ("Responses", "Many of the local authorities were developing welcome packs and orientation "
       "sessions or resources, co-designed with people seeking asylum to help improve awareness "
       "of entitlements and support easier access to services.")],
     ["Induction ‘helping pack’", "Welcome Pack", "School admissions data sources"]),
    ("move-on", "Move-on and streamlined questionnaires", "questionnaires-move-on",
     "Supporting people through questionnaire deadlines and the move-on period.",
     [("The issue", "There were major concerns around the introduction of a policy that gave "
       "people with a successful asylum application 7 days' eviction notice from their hotel, "
       "with reports of teams struggling to source appropriate accommodation for new refugees."),
      ("Responses", "Boroughs were also navigating the new 7-day 'notice to quit' accommodation "
       "period through seconding colleagues from their housing department into an asylum team.")],
     ["Home Office contacts"]),
    ("esol", "Learning English (ESOL)", "esol",
     "Finding free English classes and widening the ways in.",
     [("The issue", "There were concerns that people seeking asylum were only eligible for funding "
       "after residing in the UK for six months."),
      ("Responses", "Waltham Forest had pioneered a new ESOL advice and support service that "
       "helped every migrant resident to find free provision.")],
     []),
    ("social-connection", "Social connection", "isolation",
     "Helping people seeking asylum meet and mix with other residents.",
     [("The issue", "Participating boroughs often noted that asylum seeking residents were "
       "struggling to meet and mix with other residents, since travel restrictions and lack of "
       "income had reduced their opportunities."),
      ("Responses", "We heard several encouraging examples of opportunities offered for people "
       "seeking asylum to play team sports and engage in volunteering.")],
     []),
    ("governance-models", "Governance models", None,
     "Cross-departmental and multi-agency ways of running an asylum response.",
     [("In practice", "A majority of the local authorities were improving cross-departmental and "
       "multi-agency collaboration, through strategy forums and innovative governance models."),
      ("Models", "The boroughs were also experimenting with an array of governance models for "
       "their asylum teams to improve cross-departmental co-ordination and enable proactive "
       "decision making.")],
     ["Steering group terms of reference"]),
    ("co-production", "Co-production", None,
     "Designing services with people who have lived experience of the asylum system.",
     [("In practice", "The requirements of joining the scheme had prompted a more joined-up and "
       "strategic approach at borough level to ‘creating a culture of welcome’, including through "
       "improved methods of consultation and co-production, to ensure services were informed by "
       "those with lived experience of the asylum system.")],
     ["Induction ‘helping pack’"]),
]  # fmt: skip

# Resources the report says are shared in its public toolkit (§3.1: "Information and tips on
# developing these resources is available in the Asylum Welcome Toolkit"), described in the
# words of its Table 1.
PUBLIC_RESOURCES = {
    "Induction ‘helping pack’": "An induction ‘helping pack’ for new arrivals (translated into "
    "different languages) that compiles information on accessing services, settling into the "
    "borough, and finding spaces for social connection.",
    "Welcome Pack": "A ‘Welcome Pack’ for asylum seeking residents, compiling useful "
    "information, including on how to access key services. Focus groups with people seeking "
    "asylum will also be used to inform the content and the pack will be reviewed six months "
    "after launch.",
}

# One line for each section of the site: its cards on the home page and its search results.
DESCRIPTIONS = {
    "toolkit": "Good practice by theme: the issues the boroughs faced and how they responded.",
    "case-studies": "What each borough’s pilot set out to do, what it learned and how it is "
    "measured.",
    "resources": "Welcome packs and other resources the boroughs shared, to search and filter.",
    "report": "The Lab’s outcomes and each pilot’s key lesson, from the published records.",
    "open-data": "Counts by borough to download as CSV or JSON, with small numbers hidden.",
}

WELCOME_EN = {
    "title": "Welcome to the borough: a welcome pack template",
    "slug": "welcome-pack",
    "description": "A template for the first pages of a borough welcome pack.",
    "intro": "<p>A template for the first pages of a borough welcome pack for people seeking "
    "asylum. Boroughs adapt it with their own services and contacts.</p>",
    "sections": [
        ("Registering with a doctor (GP)",
         "<p>Anyone in England can register with a GP surgery. You do not need proof of address "
         "or immigration status.</p>"),
        ("Schools for your children",
         "<p>Every child aged 5 to 16 has a right to a school place. The council’s admissions "
         "team can help you apply.</p>"),
        ("Learning English",
         "<p>Free English (ESOL) classes and conversation clubs run across the borough.</p>"),
    ],
}  # fmt: skip

# "Illustrative translation", said in plain words on the page.
ILLUSTRATIVE_AR = "هذه ترجمة توضيحية: أُعدّت لعرض الموقع باللغة العربية، ولم يراجعها مترجم معتمد بعد."

# Illustrative translation, for demonstrating the translated site only.
WELCOME_AR = {
    "title": "مرحبًا بكم في المنطقة: نموذج حزمة ترحيب",
    "description": "نموذج للصفحات الأولى من حزمة ترحيب يعدّها الحي.",
    "intro": f"<p>نموذج للصفحات الأولى من حزمة ترحيب لطالبي اللجوء.</p><p>{ILLUSTRATIVE_AR}</p>",
    "sections": [
        ("التسجيل لدى طبيب عام",
         "<p>يمكن لأي شخص في إنجلترا التسجيل لدى عيادة طبيب عام. لا تحتاج إلى إثبات عنوان "
         "أو وضع الهجرة.</p>"),
        ("المدارس لأطفالكم",
         "<p>لكل طفل بين 5 و16 عامًا الحق في مقعد مدرسي. يمكن لفريق القبول في المجلس مساعدتكم.</p>"),
        ("تعلم اللغة الإنجليزية",
         "<p>تُقدَّم دروس مجانية في اللغة الإنجليزية ونوادٍ للمحادثة في أنحاء المنطقة.</p>"),
    ],
    "home_title": "مختبر تصميم الأحياء",
    "home_intro": "<p>يجمع مختبر التصميم أحياء لندن لتصميم مبادرات تجريبية وتقييمها.</p>"
    f"<p>{ILLUSTRATIVE_AR}</p>",
}  # fmt: skip
