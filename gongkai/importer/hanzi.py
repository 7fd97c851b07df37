"""Traditional → simplified characters, for matching labels only.

Third-party mirrors republish reports in traditional characters (行政處罰, 本年收費金額). The importer
compares labels after mapping them to simplified; the text it keeps is always what was written.
The table covers the vocabulary of the report formats and of their usual surroundings (titles,
agency names, section headings), not the whole language: a character it does not know is left as is.
"""

# Pairs: traditional character, then its simplified form.
PAIRS = (
    "萬万與与專专業业為为爲为舉举關关寫写決决況况減减辦办務务動动區区單单發发髮发後后國国處处復复複复審审對对屬属當当執执護护報报據据數数無无機机權权條条構构沒没現现確确穩稳類类係系繫系糾纠"
    "納纳組组織织經经結结繼继續续維维繳缴罰罚範范獲获穫获補补規规計计認认議议許许訟讼訪访訴诉詢询請请購购費费轉转過过這这進进問问項项題题額额開开強强廢废總总會会體体內内兩两於于義义導导統统"
    "網网縣县鎮镇領领實实應应態态時时從从說说書书長长級级種种見见觀观記记設设話话電电證证號号圖图層层眾众團团廳厅鄉乡廠厂約约員员營营產产資资財财預预聯联編编綜综傳传則则嚴严學学將将徹彻災灾"
    "礦矿習习臺台颱台華华讀读豐丰貫贯質质郵邮門门陽阳隊队點点黨党堅坚匯汇彙汇歲岁遷迁聞闻覽览歷历曆历願愿氣气熱热監监檢检驗验錄录檔档職职責责負负準准幣币簡简園园農农環环衛卫醫医藥药試试寧宁"
    "榮荣顯显優优勢势積积極极親亲圍围繞绕礎础標标劃划線线絡络視视頻频頁页欄栏訊讯詳详細细閱阅採采製制鬥斗紀纪鐵铁韓韩陸陆倫伦億亿僅仅們们個个來来價价儀仪傷伤軍军勞劳勵励勝胜協协廣广庫库張张"
    "彈弹歸归徵征戶户拋抛揮挥損损搖摇擊击擴扩攜携斷断昇升暢畅東东楊杨樂乐樓楼樣样橋桥殘残濟济滬沪滿满漢汉潔洁澤泽烏乌煙烟獎奖畝亩畫画異异疊叠盡尽盤盘碼码禮礼稅税競竞築筑節节糧粮緊紧練练縮缩"
    "縱纵聖圣聲声肅肃脈脉興兴舊旧艱艰藝艺虛虚蘇苏衝冲裝装襲袭觸触訂订託托討讨訓训評评診诊註注詞词誌志誤误調调談谈諮咨諾诺謀谋講讲謝谢識识譯译變变讓让貝贝貧贫貨货販贩貸贷貿贸賓宾賞赏賠赔賽赛"
    "贊赞趙赵車车軌轨軟软較较載载輔辅輕轻輪轮輸输辭辞逕迳運运達达違违遞递遠远適适選选遺遗還还邊边鄰邻釋释銀银鋼钢錢钱錯错鍵键鎖锁閉闭閒闲間间閣阁閩闽闡阐陳陈陰阴際际險险隨随隱隐雖虽雙双雜杂"
    "雞鸡離离難难靈灵靜静響响頂顶順顺須须頒颁頭头顏颜顧顾風风飛飞養养館馆馬马驅驱鬧闹魚鱼鳥鸟麥麦黃黄齊齐齡龄龍龙龜龟傢家僱雇儘尽凈净凍冻剛刚創创劇剧勁劲勻匀卻却參参叢丛啟启喪丧嘗尝噸吨嚮向"
    "囑嘱壓压壞坏壩坝夠够奮奋妝妆婦妇媽妈孫孙寬宽寵宠尋寻屆届岡冈島岛峽峡嶺岭幫帮幹干廟庙徑径恆恒惡恶惱恼惲恽愛爱慣惯慮虑憑凭懷怀戀恋戰战擁拥擇择擬拟擔担攝摄攤摊敗败敘叙斃毙曉晓暫暂曬晒朧胧"
    "棄弃棟栋椏桠槍枪樞枢橫横歡欢殼壳毀毁氫氢滙汇漁渔潛潜潤润澇涝濃浓濕湿灣湾爐炉爭争爺爷牆墙獨独琺珐瑪玛畢毕瘋疯皺皱盜盗睜睁矯矫碩硕磚砖礙碍祕秘禍祸稱称穀谷窮穷竊窃筆笔簽签籃篮紅红紙纸紛纷"
    "紡纺終终絕绝絲丝給给綠绿綱纲緒绪締缔緣缘績绩繪绘纖纤罷罢羅罗膽胆膚肤臉脸臨临艦舰莊庄萊莱葉叶蔣蒋薦荐藍蓝蘭兰蟲虫蠶蚕衆众裏里褲裤覺觉該该誠诚誕诞誰谁課课諸诸謂谓譽誉豎竖貴贵賬账賴赖贈赠"
    "贏赢趕赶蹤踪躍跃軒轩輯辑輿舆轄辖辯辩邁迈釀酿鉅巨銷销鋪铺鍋锅鍾钟鐘钟鑒鉴閃闪闊阔陣阵陝陕階阶隸隶雲云霧雾韋韦頌颂頗颇頓顿顆颗飯饭飲饮餘余饑饥馳驰駐驻騎骑騰腾驚惊鬆松鹽盐麗丽"
)

SIMPLIFY = str.maketrans({PAIRS[i]: PAIRS[i + 1] for i in range(0, len(PAIRS), 2)})


def simplify(text: str) -> str:
    """`text` with the traditional characters this table knows replaced by simplified ones."""
    return text.translate(SIMPLIFY)
