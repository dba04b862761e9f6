import { MigrationInterface, QueryRunner } from 'typeorm';

// The standardized encounter record (DOMAIN.md section 2) and what surrounds
// it. Every fact table carries agency_id and leads its primary key with it, so
// the schema can be distributed by agency on Citus unchanged.
export class InitialSchema1763700000000 implements MigrationInterface {
  name = 'InitialSchema1763700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        time_zone text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE areas (
        agency_id uuid NOT NULL REFERENCES agencies (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('beat', 'sector', 'district', 'precinct')),
        parent_id uuid,
        population integer CHECK (population >= 0),
        geojson jsonb,
        PRIMARY KEY (agency_id, id),
        UNIQUE (agency_id, code),
        FOREIGN KEY (agency_id, parent_id) REFERENCES areas (agency_id, id)
      );

      CREATE TABLE programs (
        agency_id uuid NOT NULL REFERENCES agencies (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        model text NOT NULL CHECK (model IN ('cit_officer', 'co_responder', 'mobile_crisis', 'civilian_alternative', 'lead_diversion')),
        start_date date NOT NULL,
        end_date date,
        description text,
        PRIMARY KEY (agency_id, id),
        UNIQUE (agency_id, name),
        CHECK (end_date IS NULL OR end_date >= start_date)
      );

      CREATE TABLE program_areas (
        agency_id uuid NOT NULL,
        program_id uuid NOT NULL,
        area_id uuid NOT NULL,
        PRIMARY KEY (agency_id, program_id, area_id),
        FOREIGN KEY (agency_id, program_id) REFERENCES programs (agency_id, id) ON DELETE CASCADE,
        FOREIGN KEY (agency_id, area_id) REFERENCES areas (agency_id, id)
      );

      CREATE TABLE import_batches (
        agency_id uuid NOT NULL REFERENCES agencies (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        profile text NOT NULL,
        source_system text NOT NULL,
        file_name text NOT NULL,
        file_sha256 text,
        status text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
        rows_read integer NOT NULL DEFAULT 0,
        inserted integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        filtered integer NOT NULL DEFAULT 0,
        error text,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        PRIMARY KEY (agency_id, id)
      );

      CREATE TABLE import_rejects (
        agency_id uuid NOT NULL,
        batch_id uuid NOT NULL,
        id bigint GENERATED ALWAYS AS IDENTITY,
        row_number integer NOT NULL,
        column_name text,
        reason text NOT NULL,
        raw_line text NOT NULL,
        PRIMARY KEY (agency_id, id),
        FOREIGN KEY (agency_id, batch_id) REFERENCES import_batches (agency_id, id) ON DELETE CASCADE
      );
      CREATE INDEX import_rejects_batch_idx ON import_rejects (agency_id, batch_id, row_number);

      CREATE TABLE encounters (
        agency_id uuid NOT NULL REFERENCES agencies (id),
        id bigint GENERATED ALWAYS AS IDENTITY,
        source_system text NOT NULL,
        source_record_id text NOT NULL,
        import_batch_id uuid,
        occurred_at timestamptz NOT NULL,
        time_precision text NOT NULL CHECK (time_precision IN ('minute', 'hour', 'day', 'month')),
        received_at timestamptz,
        dispatched_at timestamptz,
        arrived_at timestamptz,
        cleared_at timestamptz,
        area_id uuid,
        latitude double precision,
        longitude double precision,
        call_origin text CHECK (call_origin IN ('911', '988', 'officer_initiated', 'referral', 'other')),
        initial_call_type text,
        final_call_type text,
        initial_call_bh boolean,
        bh_category text CHECK (bh_category IN ('mental_health', 'suicide', 'substance_use', 'welfare_check', 'other')),
        response_model text CHECK (response_model IN ('police_only', 'cit_officer', 'co_responder', 'mobile_crisis', 'civilian_alternative')),
        cit_officer_dispatched boolean,
        cit_officer_arrived boolean,
        peer_specialist_involved boolean,
        police_backup_requested boolean,
        arrest boolean,
        citation boolean,
        jail_booking boolean,
        emergency_detention boolean,
        ed_transport boolean,
        voluntary_treatment boolean,
        referral_made boolean,
        resolved_on_scene boolean,
        force_level text CHECK (force_level IN ('none', 'level_1', 'level_2', 'level_3', 'lethal')),
        subject_injured boolean,
        officer_injured boolean,
        person_key bytea CHECK (octet_length(person_key) = 32),
        age_band text,
        gender text,
        race text,
        ethnicity text,
        officer_minutes integer CHECK (officer_minutes >= 0),
        clinician_minutes integer CHECK (clinician_minutes >= 0),
        PRIMARY KEY (agency_id, id),
        UNIQUE (agency_id, source_system, source_record_id),
        FOREIGN KEY (agency_id, area_id) REFERENCES areas (agency_id, id),
        CHECK (arrived_at IS NULL OR dispatched_at IS NULL OR arrived_at >= dispatched_at)
      );
      CREATE INDEX encounters_time_idx ON encounters (agency_id, occurred_at);
      CREATE INDEX encounters_area_time_idx ON encounters (agency_id, area_id, occurred_at);
      CREATE INDEX encounters_model_time_idx ON encounters (agency_id, response_model, occurred_at);
      CREATE INDEX encounters_person_time_idx ON encounters (agency_id, person_key, occurred_at) WHERE person_key IS NOT NULL;

      CREATE TABLE referrals (
        agency_id uuid NOT NULL,
        id bigint GENERATED ALWAYS AS IDENTITY,
        encounter_id bigint NOT NULL,
        provider text,
        referral_type text,
        connected_within_30d boolean,
        PRIMARY KEY (agency_id, id),
        FOREIGN KEY (agency_id, encounter_id) REFERENCES encounters (agency_id, id) ON DELETE CASCADE
      );
      CREATE INDEX referrals_encounter_idx ON referrals (agency_id, encounter_id);

      CREATE TABLE unit_costs (
        agency_id uuid NOT NULL REFERENCES agencies (id),
        key text NOT NULL,
        label text NOT NULL,
        unit text NOT NULL,
        value numeric(12, 2) NOT NULL CHECK (value >= 0),
        low numeric(12, 2) NOT NULL CHECK (low >= 0),
        high numeric(12, 2) NOT NULL,
        source text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agency_id, key),
        CHECK (low <= value AND value <= high)
      );

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'program_manager', 'planner', 'grant_writer', 'data_steward', 'viewer')),
        agency_id uuid REFERENCES agencies (id),
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        password_changed_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE sessions (
        token_hash bytea PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX sessions_user_idx ON sessions (user_id);

      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid,
        event text NOT NULL,
        target text,
        outcome text NOT NULL CHECK (outcome IN ('success', 'failure')),
        details jsonb
      );
      CREATE INDEX audit_log_at_idx ON audit_log (at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE audit_log, sessions, users, unit_costs, referrals, encounters,
        import_rejects, import_batches, program_areas, programs, areas, agencies;
    `);
  }
}
