import type {
  BhCategory,
  CallOrigin,
  ForceLevel,
  ResponseModel,
  TimePrecision,
} from '@crosswalk/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

const bool = (name: string) => ({
  name,
  type: 'boolean' as const,
  nullable: true,
});
const text = (name: string) => ({
  name,
  type: 'text' as const,
  nullable: true,
});
const time = (name: string) => ({
  name,
  type: 'timestamptz' as const,
  nullable: true,
});

/** The standardized encounter record (DOMAIN.md section 2). Unknown is null, never false. */
@Entity('encounters')
export class EncounterEntity {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @PrimaryColumn({ type: 'bigint', generated: 'identity' }) id!: string;
  @Column({ name: 'source_system', type: 'text' }) sourceSystem!: string;
  @Column({ name: 'source_record_id', type: 'text' }) sourceRecordId!: string;
  @Column({ name: 'import_batch_id', type: 'uuid', nullable: true })
  importBatchId!: string | null;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ name: 'time_precision', type: 'text' })
  timePrecision!: TimePrecision;
  @Column(time('received_at')) receivedAt!: Date | null;
  @Column(time('dispatched_at')) dispatchedAt!: Date | null;
  @Column(time('arrived_at')) arrivedAt!: Date | null;
  @Column(time('cleared_at')) clearedAt!: Date | null;
  @Column({ name: 'area_id', type: 'uuid', nullable: true }) areaId!:
    string | null;
  @Column({ type: 'double precision', nullable: true }) latitude!:
    number | null;
  @Column({ type: 'double precision', nullable: true }) longitude!:
    number | null;
  @Column(text('call_origin')) callOrigin!: CallOrigin | null;
  @Column(text('initial_call_type')) initialCallType!: string | null;
  @Column(text('final_call_type')) finalCallType!: string | null;
  @Column(bool('initial_call_bh')) initialCallBh!: boolean | null;
  @Column(text('bh_category')) bhCategory!: BhCategory | null;
  @Column(text('response_model')) responseModel!: ResponseModel | null;
  @Column(bool('cit_officer_dispatched')) citOfficerDispatched!: boolean | null;
  @Column(bool('cit_officer_arrived')) citOfficerArrived!: boolean | null;
  @Column(bool('peer_specialist_involved')) peerSpecialistInvolved!:
    boolean | null;
  @Column(bool('police_backup_requested')) policeBackupRequested!:
    boolean | null;
  @Column(bool('arrest')) arrest!: boolean | null;
  @Column(bool('citation')) citation!: boolean | null;
  @Column(bool('jail_booking')) jailBooking!: boolean | null;
  @Column(bool('emergency_detention')) emergencyDetention!: boolean | null;
  @Column(bool('ed_transport')) edTransport!: boolean | null;
  @Column(bool('voluntary_treatment')) voluntaryTreatment!: boolean | null;
  @Column(bool('referral_made')) referralMade!: boolean | null;
  @Column(bool('resolved_on_scene')) resolvedOnScene!: boolean | null;
  @Column(text('force_level')) forceLevel!: ForceLevel | null;
  @Column(bool('subject_injured')) subjectInjured!: boolean | null;
  @Column(bool('officer_injured')) officerInjured!: boolean | null;
  /** HMAC-SHA256 of normalized identifiers (DOMAIN.md section 6); never raw identifiers. */
  @Column({ name: 'person_key', type: 'bytea', nullable: true })
  personKey!: Buffer | null;
  @Column(text('age_band')) ageBand!: string | null;
  @Column(text('gender')) gender!: string | null;
  @Column(text('race')) race!: string | null;
  @Column(text('ethnicity')) ethnicity!: string | null;
  @Column({ name: 'officer_minutes', type: 'integer', nullable: true })
  officerMinutes!: number | null;
  @Column({ name: 'clinician_minutes', type: 'integer', nullable: true })
  clinicianMinutes!: number | null;
  /** MD5 of the imported row's normalized values: equal hash = unchanged on re-import. */
  @Column({ name: 'row_hash', type: 'text', nullable: true })
  rowHash!: string | null;
}

@Entity('referrals')
export class ReferralEntity {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @PrimaryColumn({ type: 'bigint', generated: 'identity' }) id!: string;
  @Column({ name: 'encounter_id', type: 'bigint' }) encounterId!: string;
  @Column(text('provider')) provider!: string | null;
  @Column(text('referral_type')) referralType!: string | null;
  @Column(bool('connected_within_30d')) connectedWithin30d!: boolean | null;
}
