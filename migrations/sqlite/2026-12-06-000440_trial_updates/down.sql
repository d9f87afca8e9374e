DROP TABLE trial_update_preferences;
DROP TABLE trial_updates;
