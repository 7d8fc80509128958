-- One database and owner per service, as on the cluster (CloudNativePG's managed roles and Database resources).
-- Development passwords: this file is for one host, never for real stores.
CREATE ROLE settings LOGIN PASSWORD 'local-settings';
CREATE ROLE poller LOGIN PASSWORD 'local-poller';
CREATE ROLE importer LOGIN PASSWORD 'local-importer';
CREATE ROLE shipments LOGIN PASSWORD 'local-shipments';
CREATE DATABASE settings OWNER settings;
CREATE DATABASE poller OWNER poller;
CREATE DATABASE importer OWNER importer;
CREATE DATABASE shipments OWNER shipments;
