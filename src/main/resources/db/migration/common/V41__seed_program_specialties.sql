-- built-in specialty catalogues; the province adds and disables entries on the catalogue page
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES
 ('residency','R01','内科',NULL,0,1),
 ('residency','R02','外科',NULL,0,2),
 ('residency','R03','全科',NULL,0,3),
 ('residency','R04','儿科',NULL,0,4),
 ('residency','R05','急诊科',NULL,0,5),
 ('residency','R06','皮肤科',NULL,0,6),
 ('residency','R07','精神科',NULL,0,7),
 ('residency','R08','神经内科',NULL,0,8),
 ('residency','R09','康复医学科',NULL,0,9),
 ('residency','R10','妇产科',NULL,0,10),
 ('residency','R11','眼科',NULL,0,11),
 ('residency','R12','耳鼻咽喉科',NULL,0,12),
 ('residency','R13','麻醉科',NULL,0,13),
 ('residency','R14','临床病理科',NULL,0,14),
 ('residency','R15','检验医学科',NULL,0,15),
 ('residency','R16','放射科',NULL,0,16),
 ('residency','R17','超声医学科',NULL,0,17),
 ('residency','R18','核医学科',NULL,0,18),
 ('residency','R19','放射肿瘤科',NULL,0,19),
 ('residency','R20','医学遗传科',NULL,0,20),
 ('residency','R21','预防医学科',NULL,0,21),
 ('residency','R22','口腔全科',NULL,0,22),
 ('residency','R23','口腔内科',NULL,0,23),
 ('residency','R24','口腔颌面外科',NULL,0,24),
 ('residency','R25','口腔修复科',NULL,0,25),
 ('residency','R26','口腔正畸科',NULL,0,26),
 ('residency','R27','口腔病理科',NULL,0,27),
 ('residency','R28','口腔颌面影像科',NULL,0,28),
 ('residency','R29','重症医学科',NULL,0,29);
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES
 ('tcm-residency','T01','中医内科',NULL,0,1),
 ('tcm-residency','T02','中医外科',NULL,0,2),
 ('tcm-residency','T03','中医妇科',NULL,0,3),
 ('tcm-residency','T04','中医儿科',NULL,0,4),
 ('tcm-residency','T05','针灸科',NULL,0,5),
 ('tcm-residency','T06','推拿科',NULL,0,6),
 ('tcm-residency','T07','中医骨伤科',NULL,0,7),
 ('tcm-residency','T08','中医眼科',NULL,0,8),
 ('tcm-residency','T09','中医耳鼻咽喉科',NULL,0,9),
 ('tcm-residency','T10','中医全科',NULL,0,10);
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES
 ('county-backbone','C01','内科',NULL,0,1),
 ('county-backbone','C02','外科',NULL,0,2),
 ('county-backbone','C03','妇产科',NULL,0,3),
 ('county-backbone','C04','儿科',NULL,0,4),
 ('county-backbone','C05','急诊科',NULL,0,5),
 ('county-backbone','C06','麻醉科',NULL,0,6),
 ('county-backbone','C07','重症医学科',NULL,0,7),
 ('county-backbone','C08','医学影像科',NULL,0,8);
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES ('qualification-exam','L1','副高级',NULL,0,1);
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES ('qualification-exam','L2','中级',NULL,0,2);
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES ('qualification-exam','L1-Q1','副主任医师',(SELECT id FROM program_specialty WHERE program_code = 'qualification-exam' AND code = 'L1'),1,3);
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES ('qualification-exam','L2-Q1','主治医师',(SELECT id FROM program_specialty WHERE program_code = 'qualification-exam' AND code = 'L2'),1,4);
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES ('qualification-exam','L1-Q1-C1','临床',(SELECT id FROM program_specialty WHERE program_code = 'qualification-exam' AND code = 'L1-Q1'),2,5);
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES ('qualification-exam','L1-Q1-C2','中医',(SELECT id FROM program_specialty WHERE program_code = 'qualification-exam' AND code = 'L1-Q1'),2,6);
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES ('qualification-exam','L2-Q1-C1','临床',(SELECT id FROM program_specialty WHERE program_code = 'qualification-exam' AND code = 'L2-Q1'),2,7);
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES ('qualification-exam','L1-Q1-C1-S1','内科',(SELECT id FROM program_specialty WHERE program_code = 'qualification-exam' AND code = 'L1-Q1-C1'),3,8);
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES ('qualification-exam','L1-Q1-C1-S2','外科',(SELECT id FROM program_specialty WHERE program_code = 'qualification-exam' AND code = 'L1-Q1-C1'),3,9);
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES ('qualification-exam','L1-Q1-C2-S1','中医',(SELECT id FROM program_specialty WHERE program_code = 'qualification-exam' AND code = 'L1-Q1-C2'),3,10);
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES ('qualification-exam','L2-Q1-C1-S1','内科',(SELECT id FROM program_specialty WHERE program_code = 'qualification-exam' AND code = 'L2-Q1-C1'),3,11);
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES ('qualification-exam','L1-Q1-C1-S1-P1','呼吸内科',(SELECT id FROM program_specialty WHERE program_code = 'qualification-exam' AND code = 'L1-Q1-C1-S1'),4,12);
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES ('qualification-exam','L1-Q1-C1-S1-P2','心血管内科',(SELECT id FROM program_specialty WHERE program_code = 'qualification-exam' AND code = 'L1-Q1-C1-S1'),4,13);
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES ('qualification-exam','L1-Q1-C1-S2-P1','普通外科',(SELECT id FROM program_specialty WHERE program_code = 'qualification-exam' AND code = 'L1-Q1-C1-S2'),4,14);
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES ('qualification-exam','L1-Q1-C2-S1-P1','中医内科',(SELECT id FROM program_specialty WHERE program_code = 'qualification-exam' AND code = 'L1-Q1-C2-S1'),4,15);
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES ('qualification-exam','L2-Q1-C1-S1-P1','呼吸内科',(SELECT id FROM program_specialty WHERE program_code = 'qualification-exam' AND code = 'L2-Q1-C1-S1'),4,16);
INSERT INTO program_specialty (program_code, code, name, parent_id, depth, sort_order) VALUES ('qualification-exam','L2-Q1-C1-S1-P2','消化内科',(SELECT id FROM program_specialty WHERE program_code = 'qualification-exam' AND code = 'L2-Q1-C1-S1'),4,17);
