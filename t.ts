import { loadKnowledge } from './src/ingest/load-knowledge.js';
const kb = await loadKnowledge('knowledge');
const want: Record<string, number[]> = {
 'vn/bo-luat-lao-dong-2019': [14,17,20,25,26,35,36,37,41,46,47,90,94,97,98,105,107,112,113,137,139,143,145,168,190],
 'vn/luat-bao-hiem-xa-hoi-2024': [2,39,50,53],
 'vn/luat-an-toan-ve-sinh-lao-dong-2015': [38,39,45],
 'vn/luat-cong-doan-2024': [5,21],
 'vn/nghi-dinh-293-2025-nd-cp-luong-toi-thieu-vung': [3],
 'vn/luat-viec-lam-2025': [],
};
for (const [doc, arts] of Object.entries(want)) for (const a of arts) { const p = kb.passages.find(x=>x.id===`${doc}#${a}`); console.log(doc.split('/')[1].slice(0,14), a, p?.caption, '|', (p?.text ?? 'MISSING').replace(/\n/g,' ').slice(0,140)); }
const vl = kb.passages.filter(p=>p.docId==='vn/luat-viec-lam-2025'); console.log(vl.map(p=>p.article+':'+p.caption).join(' ; ').slice(0,1500));
