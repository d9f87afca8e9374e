DROP TABLE responsible_adults;
