"""Table 1 of the GLA *Asylum Welcome Design Lab – summary report* (19 February 2024),
verbatim: each borough's pilot activities and its key lesson."""

TABLE_1: dict[str, dict] = {
    "Barking and Dagenham": {
        "activities": [
            "The borough created an induction ‘helping pack’ for new arrivals (translated into different languages) that compiles information on accessing services, settling into the borough, and finding spaces for social connection.",
        ],
        "key_lesson": "the borough has co-produced the pack with people seeking asylum, VCS partners and council teams through a series of eight focus groups. The team will look to utilise methods of consultation and co-production in their wider work, including through setting up and training a new ‘Voice and Influence’ group to input on future asylum strategy.",
    },
    "Barnet": {
        "activities": [
            "Barnet is piloting a new volunteering service, in partnership with local VCS organisations. This will facilitate new volunteering opportunities, tailored to help the development of transferable qualifications and skills that increase employability for people seeking asylum.",
        ],
        "key_lesson": "the development of the service has strengthened the partnership and collaboration of the borough with Volunteer Barnet and other local VCS organisations to ensure volunteering opportunities are inclusive and engaging for people seeking asylum.",
    },
    "Brent": {
        "activities": [
            "Brent has designed a ‘Welcome Pack’ for asylum seeking residents, compiling useful information, including on how to access key services. Focus groups with people seeking asylum will also be used to inform the content and the pack will be reviewed six months after launch to evaluate user experiences and feedback.",
        ],
        "key_lesson": "engaging residents with lived experience and hotel managers has helped uncover key barriers to accessing borough services. As a result, Brent is launching a Travel Scheme for asylum seeking families to allow them to access Family Wellbeing Centres.",
    },
    "Hammersmith and Fulham": {
        "activities": [
            "Hammersmith and Fulham have created new ‘open house sessions’ for residents of contingency hotels, comprising opportunities to leave their accommodation, socialise, and to access a local authority ‘surgery’ where they can share concerns around their needs.",
        ],
        "key_lesson": "the borough has benefited from introducing an ongoing evaluation process, using feedback forms to continuously improve sessions around the needs and suggestions of service users.",
    },
    "Hillingdon": {
        "activities": [
            "Hillingdon has considered the business case for a new Multi-Agency Asylum Support Team. This comprises a cross-sector coalition, bringing together the borough outreach team, key local authority departments and key VCS partners, combined with consistent engagement with the Home Office, Migrant Help and accommodation providers.",
        ],
        "key_lesson": "Hillingdon has mapped current support systems for people seeking asylum in the borough (including in schools, VCS networks, the NHS and social services) to identify the gaps and to find opportunities for co-ordinating integration services. From this, they hope to then overhaul their asylum support model, prioritising closer join-up to enable a more responsive system, capable of flexing to sudden increases in demand.",
    },
    "Hounslow": {
        "activities": [
            "Hounslow has designed supplementary training for staff in contingency hotels, aimed at raising awareness about potential victims of domestic violence and Violence Against Women and Girls.",
        ],
        "key_lesson": "Hounslow staff have strengthened relationships with contingency hotel management and local police services. The borough will maintain consistent communications with both going forward.",
    },
    "Kensington and Chelsea": {
        "activities": [
            "Kensington and Chelsea has developed a multi-disciplinary 'Integrated Outreach, Early Help and Social Care team', drawing on learning and best practice established in their Afghan bridging hotels.",
        ],
        "key_lesson": "the borough has now begun tracking and measuring impact and key outcomes in its outreach, early help and social care work with people seeking asylum to better evaluate responsiveness. For example, the borough is using school admissions data from Clearsprings Ready Home to ensure all children are enrolled upon arrival.",
    },
    "Lambeth": {
        "activities": [
            "Lambeth is using their status as a Borough of Sanctuary to ensure that ten schools in the borough become accredited 'Schools of Sanctuary'. Schools of Sanctuary accreditation requires schools to develop a strategy for welcoming asylum-seeking children and refugees, and to improve strategies and awareness around their needs and vulnerabilities.",
        ],
        "key_lesson": "the borough appointed a dedicated Schools of Sanctuary Lead, expanding its capacity to build and strengthen relationships with schools in the borough. The Schools of Sanctuary Lead was able to develop an overarching strategy with key milestones and objectives.",
    },
    "Newham": {
        "activities": [
            "A new multilingual outreach team comprising two Welcome Newham Officers and two Early Help Family Navigators, who meet with new arrivals to support them with immediate needs.",
            "A new move-on service that builds on an existing ‘one-stop shop’ model initially set up for people who have arrived from Ukraine, expanding provision to people seeking asylum that have received successful applications. This includes help and advice on seeking employment, accessing benefits and immigration advice.",
        ],
        "key_lesson": "improving their in-person outreach presence has helped the borough to understand residents’ needs in more detail and to identify barriers to services. The new outreach staff have then fed back to Clearsprings and subcontractors in hotels to report safeguarding concerns.",
    },
    "Tower Hamlets": {
        "activities": [
            "A new Community Partnership Forum to co-ordinate VCS organisations that support people seeking asylum. The forum aims to broaden relations with the VCS sector in the borough to help fill gaps in services, for example social connection opportunities for single asylum-seeking men.",
            "Plans for a new multi-agency resettlement and migration team are being developed, in anticipation of a new contingency hotel being opened in the borough.",
        ],
        "key_lesson": "the development of a multi-agency team is helping the borough bring together a more co-ordinated asylum response, drawing on expertise across departments, and reducing the duplication of effort.",
    },
    "Waltham Forest": {
        "activities": [
            "Facilitating new volunteering opportunities for people seeking asylum, combined with vocational skills training.",
            "Setting up a new pathway to train people seeking asylum in advocacy and community organising.",
        ],
        "key_lesson": "co-locating services, for example in partnership with VCS organisations delivering foodbanks, helped to improve engagement from people seeking asylum. Services were delivered in places where residents felt familiar and comfortable, and where they did not need to incur additional travel costs.",
    },
}
