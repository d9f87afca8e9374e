//! The one diesel schema, shared by SQLite and PostgreSQL. Written by hand to
//! match `migrations/{sqlite,postgres}`; only portable column types.

diesel::table! {
    organisations (id) {
        id -> Text,
        kind -> Text,
        name -> Text,
        address -> Nullable<Text>,
        contact_email -> Nullable<Text>,
        contact_phone -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        court_id -> Nullable<Text>,
        preferred_language -> Nullable<Text>,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        organisation_id -> Text,
        display_name -> Text,
        email -> Text,
        role -> Text,
        password_hash -> Nullable<Text>,
        manager_id -> Nullable<Text>,
        active -> Bool,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        page_language -> Nullable<Text>,
        reminders_in_digest -> Bool,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Text,
        user_id -> Text,
        kind -> Text,
        label -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    courts (id) {
        id -> Text,
        name -> Text,
        kind -> Text,
        town -> Text,
        nation -> Text,
        crown_court_code -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    victims (id) {
        id -> Text,
        reference -> Text,
        enhanced_rights -> Bool,
        is_child -> Bool,
        preferred_language -> Text,
        probation_region_id -> Nullable<Text>,
        created_by -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    victim_sensitive_details (victim_id) {
        victim_id -> Text,
        full_name -> Text,
        phone -> Nullable<Text>,
        email -> Nullable<Text>,
        address -> Nullable<Text>,
        needs -> Nullable<Text>,
        safe_channels -> Text,
        safe_hours -> Nullable<Text>,
        safe_to_leave_voicemail -> Bool,
        interpreter_language -> Nullable<Text>,
        guardian_name -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    supporter_assignments (id) {
        id -> Text,
        victim_id -> Text,
        supporter_id -> Text,
        role -> Text,
        starts_on -> Date,
        ends_on -> Nullable<Date>,
        is_spoc -> Bool,
        spoc_agreed_on -> Nullable<Date>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    consents (id) {
        id -> Text,
        victim_id -> Text,
        scope -> Text,
        basis -> Text,
        basis_reason -> Nullable<Text>,
        given_at -> Timestamp,
        withdrawn_at -> Nullable<Timestamp>,
        recorded_by -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    cases (id) {
        id -> Text,
        victim_id -> Text,
        kind -> Text,
        urn -> Nullable<Text>,
        case_number -> Nullable<Text>,
        court_id -> Nullable<Text>,
        witness_care_unit_id -> Nullable<Text>,
        status -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        cps_area_id -> Nullable<Text>,
        offence_group -> Nullable<Text>,
    }
}

diesel::table! {
    hearings (id) {
        id -> Text,
        case_id -> Text,
        kind -> Text,
        status -> Text,
        court_id -> Text,
        courtroom -> Nullable<Text>,
        starts_at -> Timestamp,
        estimated_minutes -> Integer,
        victim_attends -> Bool,
        victim_gives_evidence -> Bool,
        live_link -> Bool,
        outcome -> Nullable<Text>,
        result_json -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    pre_trial_visits (id) {
        id -> Text,
        case_id -> Text,
        hearing_id -> Nullable<Text>,
        court_id -> Text,
        state -> Text,
        starts_at -> Nullable<Timestamp>,
        supporter_attends -> Bool,
        arranged_via -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    special_measures_discussions (id) {
        id -> Text,
        case_id -> Text,
        held_at -> Timestamp,
        setting -> Text,
        measures -> Text,
        supporter_id -> Nullable<Text>,
        supporter_present -> Bool,
        recorded_by -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    parole_milestones (id) {
        id -> Text,
        victim_id -> Text,
        probation_region_id -> Text,
        kind -> Text,
        occurs_on -> Date,
        hearing_format -> Nullable<Text>,
        decision -> Nullable<Text>,
        recorded_by -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    attendance_requests (id) {
        id -> Text,
        hearing_id -> Text,
        supporter_id -> Text,
        state -> Text,
        decision_reason -> Nullable<Text>,
        conditions -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        decision_reason_kind -> Nullable<Text>,
    }
}

diesel::joinable!(users -> organisations (organisation_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(victim_sensitive_details -> victims (victim_id));
diesel::joinable!(supporter_assignments -> victims (victim_id));
diesel::joinable!(consents -> victims (victim_id));
diesel::joinable!(cases -> victims (victim_id));
diesel::joinable!(hearings -> cases (case_id));
diesel::joinable!(pre_trial_visits -> cases (case_id));
diesel::joinable!(special_measures_discussions -> cases (case_id));
diesel::joinable!(parole_milestones -> victims (victim_id));
diesel::joinable!(attendance_requests -> hearings (hearing_id));

diesel::table! {
    notices (id) {
        id -> Text,
        idempotency_key -> Text,
        victim_id -> Text,
        case_id -> Nullable<Text>,
        hearing_id -> Nullable<Text>,
        step -> Text,
        citation -> Text,
        reconstructed -> Bool,
        recipient_kind -> Text,
        recipient_key -> Text,
        recipient_user_id -> Nullable<Text>,
        recipient_organisation_id -> Nullable<Text>,
        channel -> Text,
        template -> Text,
        language -> Text,
        data_json -> Text,
        category -> Text,
        basis_json -> Text,
        not_for_public_disclosure -> Bool,
        state -> Text,
        send_after -> Timestamp,
        not_after -> Nullable<Timestamp>,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        lease_owner -> Nullable<Text>,
        leased_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        cancelled_reason -> Nullable<Text>,
        acknowledged_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    tasks (id) {
        id -> Text,
        idempotency_key -> Text,
        victim_id -> Text,
        case_id -> Nullable<Text>,
        hearing_id -> Nullable<Text>,
        step -> Text,
        citation -> Text,
        reconstructed -> Bool,
        role -> Text,
        assignee_user_id -> Nullable<Text>,
        organisation_id -> Nullable<Text>,
        kind -> Text,
        due_at -> Nullable<Timestamp>,
        detail -> Text,
        state -> Text,
        done_at -> Nullable<Timestamp>,
        done_by -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    deadlines (id) {
        id -> Text,
        deadline_key -> Text,
        victim_id -> Text,
        case_id -> Nullable<Text>,
        hearing_id -> Nullable<Text>,
        kind -> Text,
        counted_from -> Date,
        due_date -> Date,
        due_at -> Timestamp,
        citation -> Text,
        confirmed -> Bool,
        operational -> Bool,
        state -> Text,
        met_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    flow_warnings (id) {
        id -> Text,
        warning_key -> Text,
        victim_id -> Text,
        case_id -> Nullable<Text>,
        kind -> Text,
        detail_json -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(notices -> victims (victim_id));
diesel::joinable!(tasks -> victims (victim_id));
diesel::joinable!(notices -> cases (case_id));
diesel::joinable!(deadlines -> cases (case_id));

diesel::allow_tables_to_appear_in_same_query!(
    organisations,
    users,
    api_tokens,
    courts,
    victims,
    victim_sensitive_details,
    supporter_assignments,
    consents,
    cases,
    hearings,
    pre_trial_visits,
    special_measures_discussions,
    parole_milestones,
    attendance_requests,
    notices,
    tasks,
    deadlines,
    flow_warnings,
);

diesel::table! {
    audit_log (seq) {
        seq -> BigInt,
        at -> Timestamp,
        actor_user_id -> Nullable<Text>,
        action -> Text,
        entity -> Text,
        entity_id -> Text,
        victim_id -> Nullable<Text>,
        recipient -> Nullable<Text>,
        category -> Nullable<Text>,
        basis -> Nullable<Text>,
        prev_hash -> Text,
        hash -> Text,
        language -> Nullable<Text>,
    }
}

diesel::table! {
    audit_head (id) {
        id -> Integer,
        seq -> BigInt,
        hash -> Text,
    }
}

diesel::table! {
    calendar_feeds (id) {
        id -> Text,
        user_id -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(calendar_feeds -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(calendar_feeds, users);

diesel::table! {
    sign_in_attempts (id) {
        id -> Text,
        at -> Timestamp,
        account_key -> Text,
        address_key -> Nullable<Text>,
        user_id -> Nullable<Text>,
        outcome -> Text,
    }
}

diesel::table! {
    court_list_imports (id) {
        id -> Text,
        list_type -> Text,
        list_key -> Text,
        published_at -> Timestamp,
        list_version -> Nullable<Text>,
        digest -> Text,
        imported_by -> Nullable<Text>,
        imported_at -> Timestamp,
        summary_json -> Text,
    }
}

diesel::table! {
    hearing_confirmations (id) {
        id -> Text,
        hearing_id -> Text,
        import_id -> Text,
        list_type -> Text,
        list_kind -> Text,
        outcome -> Text,
        published_at -> Timestamp,
        warned_from -> Nullable<Date>,
        warned_to -> Nullable<Date>,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    oidc_pending (state_hash) {
        state_hash -> Text,
        browser_hash -> Text,
        nonce -> Text,
        pkce_verifier -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    digests (id) {
        id -> Text,
        idempotency_key -> Text,
        user_id -> Text,
        local_date -> Date,
        data_json -> Text,
        state -> Text,
        send_after -> Timestamp,
        not_after -> Timestamp,
        attempts -> Integer,
        lease_owner -> Nullable<Text>,
        leased_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// The reminders a daily digest lists instead of sending them on their
    /// own (`digest::store`).
    digest_holds (notice_id) {
        notice_id -> Text,
        digest_id -> Text,
    }
}

diesel::joinable!(digest_holds -> digests (digest_id));
diesel::joinable!(digest_holds -> notices (notice_id));
diesel::allow_tables_to_appear_in_same_query!(digest_holds, digests, notices);

diesel::table! {
    account_notices (id) {
        id -> Text,
        idempotency_key -> Text,
        user_id -> Text,
        template -> Text,
        data_json -> Text,
        state -> Text,
        send_after -> Timestamp,
        attempts -> Integer,
        lease_owner -> Nullable<Text>,
        leased_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    webhooks (id) {
        id -> Text,
        organisation_id -> Text,
        url -> Text,
        secret -> Text,
        created_by -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(webhooks -> organisations (organisation_id));
diesel::allow_tables_to_appear_in_same_query!(webhooks, organisations);

diesel::table! {
    /// Notices that need action: when they must be acknowledged by, who
    /// did, and when an unacknowledged one was escalated (and to which new
    /// notice). Kept beside `notices` (whose `acknowledged_at` it sets)
    /// rather than in it: that table is at diesel's 32-column limit.
    notice_actions (notice_id) {
        notice_id -> Text,
        acknowledge_by -> Timestamp,
        acknowledged_by -> Nullable<Text>,
        escalated_at -> Nullable<Timestamp>,
        escalation_notice_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Acknowledgement link tokens, by SHA-256 hash only.
    acknowledgement_tokens (token_hash) {
        token_hash -> Text,
        notice_id -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(notice_actions -> notices (notice_id));
diesel::joinable!(acknowledgement_tokens -> notices (notice_id));
diesel::allow_tables_to_appear_in_same_query!(notice_actions, notices, acknowledgement_tokens);

diesel::table! {
    /// An organisation's own supporter reminders (JSON), replacing the
    /// rules table's defaults for its supporters.
    organisation_reminder_rules (organisation_id) {
        organisation_id -> Text,
        rules_json -> Text,
        updated_by -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// Victims who asked, by the link in a message, for no more messages.
    message_stops (victim_id) {
        victim_id -> Text,
        stopped_at -> Timestamp,
        via_notice_id -> Nullable<Text>,
    }
}

diesel::joinable!(message_stops -> victims (victim_id));
diesel::allow_tables_to_appear_in_same_query!(message_stops, victims);

diesel::table! {
    court_needs (id) {
        id -> Text,
        victim_id -> Text,
        kind -> Text,
        language -> Nullable<Text>,
        basis -> Nullable<Text>,
        consent_id -> Nullable<Text>,
        recorded_by -> Text,
        recorded_at -> Timestamp,
        withdrawn_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    court_need_disclosures (id) {
        id -> Text,
        hearing_id -> Text,
        partner -> Text,
        notice_id -> Nullable<Text>,
        told_at -> Timestamp,
    }
}

diesel::table! {
    court_need_settings (court_id) {
        court_id -> Text,
        short_notice_working_days -> Integer,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// A safety plan for the court day, one in force per hearing; the free
    /// text is sealed in `details`.
    safety_plans (id) {
        id -> Text,
        hearing_id -> Text,
        victim_id -> Text,
        details -> Text,
        meet_at -> Nullable<Timestamp>,
        agreed_at -> Nullable<Timestamp>,
        agreed_recorded_by -> Nullable<Text>,
        may_email -> Bool,
        basis -> Nullable<Text>,
        consent_id -> Nullable<Text>,
        recorded_by -> Text,
        recorded_at -> Timestamp,
        withdrawn_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::allow_tables_to_appear_in_same_query!(safety_plans, hearings);
diesel::allow_tables_to_appear_in_same_query!(safety_plans, victims);
diesel::allow_tables_to_appear_in_same_query!(safety_plans, cases);

diesel::table! {
    /// Trial-progress updates on the day (issue 19, item 3); the note is
    /// sealed.
    trial_updates (id) {
        id -> Text,
        hearing_id -> Text,
        victim_id -> Text,
        kind -> Text,
        note -> Nullable<Text>,
        told_in_person -> Text,
        messaged -> Text,
        recorded_by -> Text,
        recorded_at -> Timestamp,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Whether, and to whom, a victim wants trial-progress messages; the
    /// contact's name and email are sealed.
    trial_update_preferences (victim_id) {
        victim_id -> Text,
        to_victim -> Bool,
        contact_name -> Nullable<Text>,
        contact_email -> Nullable<Text>,
        updated_by -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::allow_tables_to_appear_in_same_query!(trial_updates, hearings);
diesel::allow_tables_to_appear_in_same_query!(trial_updates, victims);
diesel::allow_tables_to_appear_in_same_query!(trial_updates, cases);

diesel::table! {
    /// Risk meetings (MARAC, MAPPA) about a victim (issue 19, item 7).
    risk_meetings (id) {
        id -> Text,
        victim_id -> Text,
        kind -> Text,
        starts_at -> Timestamp,
        panel -> Text,
        recorded_by -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        cancelled_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// Statement-taking and ABE-interview appointments (issue 19, item 4).
    statement_appointments (id) {
        id -> Text,
        case_id -> Text,
        victim_id -> Text,
        kind -> Text,
        starts_at -> Timestamp,
        place -> Text,
        officer_id -> Text,
        supporter_id -> Text,
        alternative_supporter_id -> Text,
        state -> Text,
        recorded_by -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// Protective orders on a victim's case (issue 19, item 6); `ends_on`
    /// null is "until further order"; the note is sealed.
    protective_orders (id) {
        id -> Text,
        case_id -> Text,
        victim_id -> Text,
        kind -> Text,
        made_on -> Date,
        ends_on -> Nullable<Date>,
        court_id -> Nullable<Text>,
        note -> Nullable<Text>,
        ended_on -> Nullable<Date>,
        ended_as -> Nullable<Text>,
        recorded_by -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// The CPS's offer of a meeting before trial (issue 19, item 5), one
    /// per case.
    cps_meetings (id) {
        id -> Text,
        case_id -> Text,
        victim_id -> Text,
        offered_on -> Nullable<Date>,
        meeting_at -> Nullable<Timestamp>,
        supporter_invited -> Text,
        declined -> Bool,
        prosecutor_told -> Bool,
        recorded_by -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// The actions agreed at a risk meeting; the text is sealed.
    risk_meeting_actions (id) {
        id -> Text,
        meeting_id -> Text,
        victim_id -> Text,
        owner -> Text,
        organisation_id -> Nullable<Text>,
        action_text -> Text,
        due_on -> Date,
        recorded_by -> Text,
        recorded_at -> Timestamp,
    }
}

diesel::joinable!(risk_meeting_actions -> risk_meetings (meeting_id));
diesel::allow_tables_to_appear_in_same_query!(risk_meetings, risk_meeting_actions);
diesel::allow_tables_to_appear_in_same_query!(risk_meeting_actions, organisations);
diesel::allow_tables_to_appear_in_same_query!(risk_meetings, victims);

diesel::table! {
    /// Decisions not to charge or to stop a case, for the Victims' Right to
    /// Review (issue 19, item 6).
    review_decisions (id) {
        id -> Text,
        case_id -> Text,
        victim_id -> Text,
        decided_by -> Text,
        decision -> Text,
        told_on -> Date,
        recorded_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// A crime of violence's incident date, for criminal injuries
    /// compensation (issue 19, item 6); one per case.
    compensation_claims (id) {
        id -> Text,
        case_id -> Text,
        victim_id -> Text,
        incident_on -> Date,
        recorded_by -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::allow_tables_to_appear_in_same_query!(protective_orders, cases);
diesel::allow_tables_to_appear_in_same_query!(protective_orders, courts);
diesel::allow_tables_to_appear_in_same_query!(review_decisions, cases);
diesel::allow_tables_to_appear_in_same_query!(compensation_claims, cases);
diesel::joinable!(cps_meetings -> cases (case_id));
diesel::allow_tables_to_appear_in_same_query!(cps_meetings, cases);
diesel::allow_tables_to_appear_in_same_query!(cps_meetings, victims);
diesel::joinable!(statement_appointments -> cases (case_id));
diesel::allow_tables_to_appear_in_same_query!(statement_appointments, cases);
diesel::allow_tables_to_appear_in_same_query!(statement_appointments, victims);
diesel::allow_tables_to_appear_in_same_query!(statement_appointments, users);

diesel::table! {
    /// A child victim's parent, guardian or appropriate adult (issue 19,
    /// item 9); name, email, phone and exclusion reason sealed.
    responsible_adults (id) {
        id -> Text,
        victim_id -> Text,
        name -> Text,
        relationship -> Text,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        preferred_language -> Text,
        excluded_by -> Nullable<Text>,
        exclusion_reason -> Nullable<Text>,
        excluded_at -> Nullable<Timestamp>,
        ended_at -> Nullable<Timestamp>,
        recorded_by -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::allow_tables_to_appear_in_same_query!(responsible_adults, victims);

diesel::table! {
    data_changes (id) {
        id -> Integer,
        n -> BigInt,
    }
}

// The count is read beside a token, in the same statement.
diesel::allow_tables_to_appear_in_same_query!(data_changes, api_tokens);
diesel::allow_tables_to_appear_in_same_query!(data_changes, users);
