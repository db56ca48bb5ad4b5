-- the province (考区) decides which institution reviews the units at each exam level
INSERT INTO role_permission (role, permission) VALUES ('PROVINCE', 'REVIEW_ROUTE_CONFIGURE');
