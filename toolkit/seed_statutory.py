"""Seed text of the two pages UK public-sector sites must have: the accessibility statement
(Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations
2018, after GOV.UK's sample statement) and the privacy notice (UK GDPR). What they say of the
software is true of it; what the source documents do not state (who runs the site, contact
addresses, dates, retention periods) is marked as an illustrative placeholder, in plain
words. The Arabic texts are illustrative translations of the English."""

EN_PLACEHOLDER_ADDRESS = (
    "designlab-accessibility@example.org (an illustrative placeholder address: the "
    "organisation running this site must put its real address here)"
)
EN_PRIVACY_ADDRESS = (
    "designlab-privacy@example.org (an illustrative placeholder address: the organisation "
    "running this site must put its data protection officer’s real address here)"
)

ACCESSIBILITY_EN = {
    "title": "Accessibility statement",
    "slug": "accessibility-statement",
    "description": "How accessible this website is, and how to report a problem.",
    "intro": "<p>This statement applies to the Borough Design Lab website: the toolkit, the "
    "pilot case studies, the resource library, the Lab report and the open data, in English "
    "and in Arabic.</p>",
    "sections": [
        ("Using this website",
         "<p>This website is run by the Design Lab’s convening organisation (an illustrative "
         "placeholder: our source documents do not say who runs it, so its name goes here). "
         "We want as many people as possible to be able to use it. For example, you should be "
         "able to:</p><ul><li>change colours, contrast levels and fonts using your browser or "
         "device settings</li><li>zoom in up to 400% without the text spilling off the "
         "screen</li><li>use every page on a phone, without scrolling sideways</li><li>get to "
         "every part of the website using just a keyboard</li><li>use every page with "
         "JavaScript turned off</li><li>listen to the website using a screen reader</li>"
         "<li>read the welcome pack, this statement and the privacy notice in Arabic, laid out "
         "from right to left</li></ul><p>We have also made the text as simple as possible to "
         "understand. <a href=\"https://mcmw.abilitynet.org.uk/\">AbilityNet</a> has advice on "
         "making your device easier to use if you have a disability.</p>"),
        ("How accessible this website is",
         "<p>We know some parts of this website are not fully accessible:</p><ul><li>documents "
         "that boroughs share in the resource library (for example Word, PDF or spreadsheet "
         "files) may not meet accessibility standards, because each borough writes its "
         "own</li><li>only some pages are translated into Arabic so far: the others are in "
         "English only</li></ul>"),
        ("Feedback and contact information",
         "<p>If you need information on this website in a different format, such as an "
         "accessible PDF, large print, easy read, an audio recording or braille, email "
         f"{EN_PLACEHOLDER_ADDRESS}.</p><p>We will consider your request and get back to you "
         "within 10 working days (an illustrative placeholder: the organisation running this "
         "site sets this time).</p>"),
        ("Reporting accessibility problems with this website",
         "<p>We are always looking to improve the accessibility of this website. If you find "
         "a problem that is not listed on this page, or think we are not meeting accessibility "
         f"requirements, email {EN_PLACEHOLDER_ADDRESS}. Tell us the address of the page and "
         "what went wrong.</p>"),
        ("Enforcement procedure",
         "<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the "
         "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
         "Regulations 2018 (the ‘accessibility regulations’). If you are not happy with how we "
         "respond to your complaint, <a href=\"https://www.equalityadvisoryservice.com/\">"
         "contact the Equality Advisory and Support Service (EASS)</a>.</p>"),
        ("Technical information about this website’s accessibility",
         "<p>The organisation running this website is committed to making it accessible, in "
         "accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) "
         "Accessibility Regulations 2018.</p><p>This website is partially compliant with the "
         "<a href=\"https://www.w3.org/TR/WCAG22/\">Web Content Accessibility Guidelines "
         "version 2.2</a> AA standard, because of the non-compliance listed below.</p>"),
        ("Non-accessible content",
         "<p>Documents that boroughs share in the resource library may not meet WCAG 2.2 AA: "
         "for example a PDF without tags, or a Word file without headings, fails success "
         "criterion 1.3.1 (info and relationships). A convenor approves every resource before "
         "the public can see it, and we ask boroughs to fix a document that is not "
         "accessible.</p>"),
        ("How we tested this website",
         "<p>Every change to this website is tested automatically before it is released. Each "
         "kind of public page, in English and in Arabic, on a phone-sized screen (390 pixels "
         "wide) and on a desktop screen (1,280 pixels wide), is checked in the Chromium browser "
         "with the axe-core accessibility engine, and no serious or critical problem is "
         "allowed. The tests also check that no page is wider than the screen, that every page "
         "works without JavaScript, and that keyboard focus can always be seen.</p><p>"
         "Automated tests find only some kinds of problem. This website has not yet been "
         "audited by accessibility specialists or tested with disabled people (an illustrative "
         "placeholder: the organisation running this site should commission that audit and "
         "give its date here).</p>"),
        ("Preparation of this accessibility statement",
         "<p>This statement was prepared from the automated tests described above. The date "
         "it was prepared and last reviewed goes here (an illustrative placeholder: our source "
         "documents do not give one).</p>"),
    ],
}  # fmt: skip

PRIVACY_EN = {
    "title": "Privacy notice",
    "slug": "privacy-notice",
    "description": "What the tracker holds about the people who use it, why, and your rights.",
    "intro": "<p>How the Borough Design Lab tracker uses information about the borough "
    "officers and convenors who use it. The tracker holds no information about people seeking "
    "asylum.</p>",
    "sections": [
        ("Who we are",
         "<p>The tracker is run for the Design Lab by its convening organisation, the data "
         "controller for the information described here (an illustrative placeholder: our "
         "source documents do not name the controller, so its name and address go here).</p>"),
        ("What the tracker holds about borough officers and convenors",
         "<ul><li>your name, work email address and user name, and the borough you work "
         "for</li><li>your password, stored only in a scrambled form that cannot be turned "
         "back into the password, and, when you use two-factor sign-in, the code your "
         "authenticator app shares with the tracker</li><li>what you add or change (pilots, KPI "
         "readings, resources, spreadsheet returns and documents), with your name and the "
         "time, in the tracker’s history</li><li>your email choices: whether you get "
         "reminders and the weekly round-up</li><li>failed sign-ins: the user name tried, and "
         "the network address and browser they came from, used to slow down password "
         "guessing</li><li>a cookie that keeps you signed in</li></ul>"),
        ("Attendance at Design Lab sessions",
         "<p>The tracker records which boroughs took part in each workshop and webinar, not "
         "which people. It keeps no register of the people who attended.</p>"),
        ("Visitors to the public website",
         "<p>You do not need an account to read the toolkit. Its public pages set no cookies "
         "and use no analytics or advertising services. Like any website, the servers that "
         "carry it may log each request (the network address, the page asked for and the "
         "time) to keep it working and secure.</p>"),
        ("What the tracker never holds",
         "<p>The tracker must never hold personal information about people seeking asylum. "
         "Its KPIs are counts and rates about services, and the figures it publishes hide "
         "small counts so that nobody can be singled out.</p>"),
        ("Why we use it: the lawful basis",
         "<p>We use this information to run the Design Lab: so that officers can keep their "
         "borough’s pilots up to date, to send the reminders and round-ups they chose, to keep "
         "the tracker secure, and to report the Lab’s outcomes. The lawful basis is public "
         "task (UK GDPR Article 6(1)(e)): the councils and the convening organisation run the "
         "Lab as part of their public functions (an illustrative placeholder: the controller "
         "must confirm this basis; our source documents do not state it).</p>"),
        ("How long we keep it",
         "<p>You are signed out after 30 minutes without activity, and after 8 hours in any "
         "case (the tracker’s default settings). Your account is kept while you take part in a "
         "Design Lab, and the history of changes is kept as the record of the Lab. How long "
         "accounts, history and sign-in records are kept after a Lab ends goes here (an "
         "illustrative placeholder: our source documents do not state it).</p>"),
        ("Who can see it",
         "<p>Convenors see every borough’s work; a borough officer sees only their own "
         "borough’s. Your name shows in the history of the records you changed, to the people "
         "who can see those records. Nothing about officers or convenors is published on the "
         "public website. The organisation that hosts the tracker stores the data for us (an "
         "illustrative placeholder: its name, and where the data is stored, go here).</p>"),
        ("Your rights",
         "<p>You have the right to ask for a copy of the information we hold about you, to "
         "have it corrected, to object to our use of it, and in some cases to have it deleted "
         "or its use restricted. To use these rights, contact us (below).</p><p>If you are "
         "unhappy with how we use your information, you can complain to the "
         "<a href=\"https://ico.org.uk/make-a-complaint/\">Information Commissioner’s Office "
         "(ICO)</a>, telephone 0303 123 1113.</p>"),
        ("Contact",
         f"<p>Email the Design Lab’s data protection contact at {EN_PRIVACY_ADDRESS}.</p>"),
    ],
}  # fmt: skip

AR_PLACEHOLDER_ADDRESS = (
    '<span dir="ltr">designlab-accessibility@example.org</span> (عنوان توضيحي مؤقت: على '
    "الجهة التي تدير هذا الموقع أن تضع عنوانها الحقيقي هنا)"
)
AR_PRIVACY_ADDRESS = (
    '<span dir="ltr">designlab-privacy@example.org</span> (عنوان توضيحي مؤقت: على الجهة '
    "التي تدير هذا الموقع أن تضع هنا العنوان الحقيقي لمسؤول حماية البيانات لديها)"
)
AR_TRANSLATION_NOTE = (
    "<p>هذه ترجمة توضيحية للنص الإنجليزي: أُعدّت لعرض الموقع باللغة العربية، ولم يراجعها "
    "مترجم معتمد بعد. إذا اختلف النصّان فالنص الإنجليزي هو المعتمد.</p>"
)

ACCESSIBILITY_AR = {
    "title": "بيان إمكانية الوصول",
    "description": "مدى سهولة استخدام هذا الموقع للجميع، وكيف تبلغون عن مشكلة.",
    "intro": "<p>ينطبق هذا البيان على موقع مختبر تصميم الأحياء: مجموعة الأدوات، ودراسات حالة "
    "المبادرات التجريبية، ومكتبة الموارد، وتقرير المختبر، والبيانات المفتوحة، باللغتين "
    "الإنجليزية والعربية.</p>" + AR_TRANSLATION_NOTE,
    "sections": [
        ("استخدام هذا الموقع",
         "<p>تدير هذا الموقعَ الجهةُ المنظِّمة لمختبر التصميم (نص توضيحي مؤقت: لا تذكر "
         "وثائقنا المرجعية من يدير الموقع، فيوضع اسمها هنا). نريد أن يتمكن أكبر عدد ممكن من "
         "الناس من استخدامه. فمثلًا يجب أن تتمكنوا من:</p><ul><li>تغيير الألوان ودرجات التباين "
         "والخطوط من إعدادات المتصفح أو الجهاز</li><li>تكبير الصفحة حتى 400% دون أن يخرج النص "
         "عن الشاشة</li><li>استخدام كل صفحة على الهاتف دون التمرير أفقيًا</li><li>الوصول إلى "
         "كل أجزاء الموقع باستخدام لوحة المفاتيح وحدها</li><li>استخدام كل صفحة مع إيقاف "
         "جافاسكريبت</li><li>الاستماع إلى الموقع باستخدام قارئ الشاشة</li><li>قراءة حزمة "
         "الترحيب وهذا البيان وإشعار الخصوصية بالعربية، من اليمين إلى اليسار</li></ul><p>وقد "
         "كتبنا النصوص بأبسط لغة ممكنة. لدى <a href=\"https://mcmw.abilitynet.org.uk/\" "
         "hreflang=\"en\">AbilityNet</a> نصائح (بالإنجليزية) لتسهيل استخدام أجهزتكم إذا كانت "
         "لديكم إعاقة.</p>"),
        ("مدى سهولة الوصول إلى هذا الموقع",
         "<p>نعلم أن بعض أجزاء هذا الموقع ليست سهلة الوصول تمامًا:</p><ul><li>الوثائق التي "
         "تشاركها الأحياء في مكتبة الموارد (مثل ملفات وورد أو PDF أو جداول البيانات) قد لا "
         "تستوفي معايير إمكانية الوصول، لأن كل حي يكتب وثائقه بنفسه</li><li>بعض الصفحات فقط "
         "مترجمة إلى العربية حتى الآن، والباقي بالإنجليزية وحدها</li></ul>"),
        ("التواصل والملاحظات",
         "<p>إذا احتجتم إلى معلومات من هذا الموقع بصيغة أخرى، مثل ملف PDF سهل الوصول، أو طباعة "
         "بخط كبير، أو نص سهل القراءة، أو تسجيل صوتي، أو طريقة برايل، فراسلونا على "
         f"{AR_PLACEHOLDER_ADDRESS}.</p><p>سندرس طلبكم ونرد عليكم خلال 10 أيام عمل (مدة "
         "توضيحية مؤقتة: تحددها الجهة التي تدير هذا الموقع).</p>"),
        ("الإبلاغ عن مشكلات في إمكانية الوصول",
         "<p>نسعى دائمًا إلى تحسين إمكانية الوصول إلى هذا الموقع. إذا وجدتم مشكلة غير مذكورة "
         "في هذه الصفحة، أو رأيتم أننا لا نفي بمتطلبات إمكانية الوصول، فراسلونا على "
         f"{AR_PLACEHOLDER_ADDRESS}. أخبرونا بعنوان الصفحة وبما حدث.</p>"),
        ("إجراءات الإنفاذ",
         "<p>لجنة المساواة وحقوق الإنسان (EHRC) هي المسؤولة عن إنفاذ لوائح هيئات القطاع العام "
         "(المواقع الإلكترونية وتطبيقات الهاتف) (رقم 2) لإمكانية الوصول لعام 2018 (\"لوائح "
         "إمكانية الوصول\"). إذا لم تكونوا راضين عن ردنا على شكواكم، "
         "<a href=\"https://www.equalityadvisoryservice.com/\" hreflang=\"en\">فتواصلوا مع "
         "خدمة الاستشارات والدعم في شؤون المساواة (EASS)</a>.</p>"),
        ("معلومات تقنية عن إمكانية الوصول إلى هذا الموقع",
         "<p>تلتزم الجهة التي تدير هذا الموقع بجعله سهل الوصول، وفقًا للوائح هيئات القطاع العام "
         "(المواقع الإلكترونية وتطبيقات الهاتف) (رقم 2) لإمكانية الوصول لعام 2018.</p><p>هذا "
         "الموقع متوافق جزئيًا مع المستوى AA من <a href=\"https://www.w3.org/TR/WCAG22/\" "
         "hreflang=\"en\">إرشادات إمكانية الوصول إلى محتوى الويب، الإصدار 2.2</a>، بسبب عدم "
         "التوافق المذكور أدناه.</p>"),
        ("محتوى غير سهل الوصول",
         "<p>قد لا تستوفي الوثائق التي تشاركها الأحياء في مكتبة الموارد المستوى AA من الإصدار "
         "2.2: فملف PDF بلا وسوم، أو ملف وورد بلا عناوين، لا يستوفي معيار النجاح 1.3.1 "
         "(المعلومات والعلاقات). يوافق أحد المنظمين على كل مورد قبل أن يراه الجمهور، ونطلب من "
         "الأحياء إصلاح أي وثيقة غير سهلة الوصول.</p>"),
        ("كيف اختبرنا هذا الموقع",
         "<p>يُختبر كل تغيير في هذا الموقع آليًا قبل نشره. تُفحص كل أنواع الصفحات العامة، "
         "بالإنجليزية والعربية، على شاشة بحجم الهاتف (بعرض 390 بكسل) وعلى شاشة حاسوب (بعرض "
         "1280 بكسل)، في متصفح كروميوم بأداة axe-core لفحص إمكانية الوصول، ولا يُسمح بأي "
         "مشكلة خطيرة أو حرجة. وتتحقق الاختبارات أيضًا من أن أي صفحة لا تتجاوز عرض الشاشة، وأن "
         "كل صفحة تعمل دون جافاسكريبت، وأن مؤشر التركيز من لوحة المفاتيح ظاهر دائمًا.</p><p>لا "
         "تكشف الاختبارات الآلية إلا بعض أنواع المشكلات. لم يخضع هذا الموقع بعد لتدقيق من "
         "مختصين في إمكانية الوصول ولا لاختبار مع أشخاص ذوي إعاقة (نص توضيحي مؤقت: على الجهة "
         "التي تدير الموقع أن تطلب هذا التدقيق وتذكر تاريخه هنا).</p>"),
        ("إعداد بيان إمكانية الوصول",
         "<p>أُعدّ هذا البيان استنادًا إلى الاختبارات الآلية الموصوفة أعلاه. يوضع هنا تاريخ "
         "إعداده وآخر مراجعة له (نص توضيحي مؤقت: لا تذكر وثائقنا المرجعية تاريخًا).</p>"),
    ],
}  # fmt: skip

PRIVACY_AR = {
    "title": "إشعار الخصوصية",
    "description": "ما يحفظه نظام المتابعة عن مستخدميه، ولماذا، وما حقوقكم.",
    "intro": "<p>كيف يستخدم نظام متابعة مختبر تصميم الأحياء المعلومات عن موظفي الأحياء "
    "والمنظمين الذين يستخدمونه. لا يحفظ النظام أي معلومات عن طالبي اللجوء.</p>"
    + AR_TRANSLATION_NOTE,
    "sections": [
        ("من نحن",
         "<p>تدير الجهةُ المنظِّمة لمختبر التصميم نظامَ المتابعة نيابةً عنه، وهي المتحكم في "
         "البيانات الموصوفة هنا (نص توضيحي مؤقت: لا تذكر وثائقنا المرجعية اسم المتحكم، فيوضع "
         "اسمه وعنوانه هنا).</p>"),
        ("ما يحفظه النظام عن موظفي الأحياء والمنظمين",
         "<ul><li>اسمكم وبريدكم الإلكتروني في العمل واسم المستخدم، والحي الذي تعملون فيه</li>"
         "<li>كلمة المرور، محفوظة فقط بصيغة مشفّرة لا يمكن إرجاعها إلى كلمة المرور، وعند "
         "استخدام تسجيل الدخول بخطوتين، الرمز الذي يتشاركه تطبيق المصادقة مع النظام</li><li>ما "
         "تضيفونه أو تغيّرونه (المبادرات التجريبية، وقراءات مؤشرات الأداء، والموارد، وجداول "
         "البيانات المرفوعة، والوثائق)، مع اسمكم والوقت، في سجل النظام</li><li>اختياراتكم "
         "للبريد الإلكتروني: هل تصلكم التذكيرات والملخص الأسبوعي</li><li>محاولات تسجيل الدخول "
         "الفاشلة: اسم المستخدم المجرَّب، وعنوان الشبكة والمتصفح اللذان جاءت منهما، لإبطاء "
         "محاولات تخمين كلمات المرور</li><li>ملف تعريف ارتباط (كوكي) يُبقيكم مسجلين الدخول</li>"
         "</ul>"),
        ("الحضور في جلسات مختبر التصميم",
         "<p>يسجل النظام الأحياءَ التي شاركت في كل ورشة عمل وندوة إلكترونية، لا الأشخاص. ولا "
         "يحتفظ بقائمة بأسماء الحاضرين.</p>"),
        ("زوار الموقع العام",
         "<p>لا تحتاجون إلى حساب لقراءة مجموعة الأدوات. لا تضع صفحاتها العامة أي ملفات تعريف "
         "ارتباط، ولا تستخدم خدمات تحليلات أو إعلانات. وكما في أي موقع، قد تسجل الخوادم التي "
         "تنقله كل طلب (عنوان الشبكة والصفحة المطلوبة والوقت) لإبقائه عاملًا وآمنًا.</p>"),
        ("ما لا يحفظه النظام أبدًا",
         "<p>يجب ألا يحفظ النظام أبدًا أي معلومات شخصية عن طالبي اللجوء. مؤشرات الأداء فيه "
         "أعداد ونسب عن الخدمات، والأرقام التي ينشرها تُخفي الأعداد الصغيرة حتى لا يمكن تمييز "
         "أي شخص.</p>"),
        ("لماذا نستخدمها: الأساس القانوني",
         "<p>نستخدم هذه المعلومات لإدارة مختبر التصميم: ليتمكن الموظفون من تحديث المبادرات "
         "التجريبية لأحيائهم، ولإرسال التذكيرات والملخصات التي اختاروها، وللحفاظ على أمان "
         "النظام، ولإعداد تقارير عن نتائج المختبر. الأساس القانوني هو المهمة العامة (المادة "
         "6(1)(هـ) من اللائحة العامة لحماية البيانات في المملكة المتحدة): تدير المجالس والجهة "
         "المنظِّمة المختبرَ ضمن مهامها العامة (نص توضيحي مؤقت: على المتحكم تأكيد هذا الأساس، "
         "فوثائقنا المرجعية لا تذكره).</p>"),
        ("مدة الاحتفاظ بها",
         "<p>يُسجَّل خروجكم بعد 30 دقيقة دون نشاط، وبعد 8 ساعات في كل الأحوال (الإعدادات "
         "الافتراضية للنظام). يُحتفظ بحسابكم ما دمتم تشاركون في مختبر تصميم، ويُحتفظ بسجل "
         "التغييرات بوصفه سجل المختبر. توضع هنا مدة الاحتفاظ بالحسابات والسجل ومحاولات الدخول "
         "بعد انتهاء المختبر (نص توضيحي مؤقت: لا تذكرها وثائقنا المرجعية).</p>"),
        ("من يمكنه رؤيتها",
         "<p>يرى المنظمون عمل كل الأحياء، ويرى موظف الحي عمل حيّه فقط. يظهر اسمكم في سجل "
         "السجلات التي غيّرتموها لمن يستطيع رؤية تلك السجلات. لا يُنشر أي شيء عن الموظفين أو "
         "المنظمين على الموقع العام. تخزن الجهة التي تستضيف النظام البيانات نيابةً عنا (نص "
         "توضيحي مؤقت: يوضع هنا اسمها ومكان تخزين البيانات).</p>"),
        ("حقوقكم",
         "<p>من حقكم طلب نسخة من المعلومات التي نحفظها عنكم، وتصحيحها، والاعتراض على "
         "استخدامنا لها، وفي بعض الحالات حذفها أو تقييد استخدامها. لممارسة هذه الحقوق، تواصلوا "
         "معنا (أدناه).</p><p>إذا لم تكونوا راضين عن طريقة استخدامنا لمعلوماتكم، يمكنكم تقديم "
         "شكوى إلى <a href=\"https://ico.org.uk/make-a-complaint/\" hreflang=\"en\">مكتب "
         "مفوض المعلومات (ICO)</a>، الهاتف <span dir=\"ltr\">0303 123 1113</span>.</p>"),
        ("التواصل",
         f"<p>راسلوا مسؤول حماية البيانات في مختبر التصميم على {AR_PRIVACY_ADDRESS}.</p>"),
    ],
}  # fmt: skip
