-- 005_platform_failures: a transaction the Platform itself could not process (its job used every
-- attempt on unexpected errors) ends FAILED with the catalog code PROCESSING_FAILED and no failure
-- class: T10's classes say what is wrong with a submission, and nothing is. Such a row is not counted
-- against the provider (F38) and the same package resubmitted is processed again.
-- Append-only like 001-004: never edit once released.
ALTER TABLE transactions DROP CONSTRAINT transactions_check1;
ALTER TABLE transactions
  ADD CONSTRAINT transactions_failure_class_status_check CHECK (
    (failure_class IS NULL OR status = 'FAILED')
    AND (status <> 'FAILED' OR failure_class IS NOT NULL OR errors @> '[{"code": "PROCESSING_FAILED"}]')
  );
