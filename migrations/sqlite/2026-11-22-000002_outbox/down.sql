DROP TABLE flow_warnings;
DROP TABLE deadlines;
DROP TABLE tasks;
DROP TABLE notices;
