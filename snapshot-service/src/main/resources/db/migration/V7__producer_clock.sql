-- Silence is judged on the collector's clock: last_event_at is the producer's time of the scan's newest event (the Kafka
-- record's timestamp, or a heartbeat's), no longer when this service happened to read it; the partition says which
-- replica's consumer must have caught up before the scan may be judged.
ALTER TABLE scan ADD COLUMN kafka_partition integer;
CREATE INDEX scan_staging_partition ON scan (kafka_partition, last_event_at) WHERE status = 'STAGING';
