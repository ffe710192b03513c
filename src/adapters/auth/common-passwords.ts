/**
 * Common and breached passwords refused at registration (ASVS 6.2.4, 6.2.12), lower-case, whitespace-separated.
 * Compiled for this project from well-known public "most common password" rankings, mainland-Chinese favourites
 * (pinyin, 520/1314 love numbers, keyboard walks) and their usual suffixes. The 12-character minimum already stops
 * the short ones; they stay so the list still protects if the minimum is lowered.
 */
const LIST = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123 football
monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321 superman
1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter buster
soccer harley batman andrew tigger sunshine iloveyou charlie robert thomas hockey ranger daniel starwars
112233 george computer michelle jessica pepper zxcvbn 555555 11111111 131313 freedom 777777 maggie 159753
aaaaaa ginger princess joshua cheese amanda summer ashley nicole chelsea biteme matthew access yankees
987654321 dallas austin thunder taylor matrix welcome admin administrator passw0rd p@ssw0rd p@ssword qwerty123
qwe123 asd123 zxc123 1q2w3e4r 1q2w3e4r5t 1q2w3e 1qazxsw2 zaq12wsx qazwsxedc abcdef abcdefg abcdefgh abc12345
abcd1234 a1b2c3d4 aa123456 a123456 a12345678 a123456789 123456a 123456abc 123abc 5201314 1314520 woaini
woaini1314 aini1314 woaiwojia wodemima mima123 nihao123 woshishui qq123456 qq123456789 wang123 zhang123
li123456 liu123456 chen123 yang123 huang123 zhao123 wu123456 zhou123 123456789a 147258369 147258 159357
789456123 741852963 963852741 321654987 88888888 66666666 99999999 12341234 11223344 1122334455 314159
3141592653 iloveyou1314 caonima zhangwei wangwei liwei wangfang lina zhangmin huawei xiaomi baidu taobao
alibaba tencent wechat weixin qqqqqq wwwwww asdasd qweqwe zxczxc asdfasdf qwerasdf qwertyui asdfghjk zxcvbnm1
1234qwer qwer1234 asdf1234 zxcv1234 q1w2e3r4 q1w2e3r4t5 1a2b3c4d 0987654321 09876543 1029384756 123654789
147852369 963258741 123698745 changeme secret letmein1 welcome1 monkey123 dragon123 master123 shadow123
michael1 football1 baseball1 superman1 princess1 sunshine1 iloveyou1 trustno12 whatever starwars1 pokemon
naruto minecraft liverpool arsenal chelsea1 manchester barcelona realmadrid juventus bayern1 ferrari porsche
mercedes lamborghini corvette mustang1 harley1 computer1 internet server oracle mysql postgres postgresql
database root toor guest default test test123 testing testtest demo demo123 user user123 login login123
welcome123 hello123 hello world helloworld hellokitty kitty lovely loveyou forever forever21 fuckyou fuckoff
asshole bitch jesus jesus1 christ blessed angel angel1 angels beijing shanghai guangzhou shenzhen hangzhou
chengdu wuhan nanjing tianjin chongqing xian zhongguo china china123 chinese aini520 520520 520131 1314
woaini520 wo123456 ni123456 ta123456 aaaa1111 abc123abc 1234abcd abcd123456 password1 password12 password123
password1234 password12345 password123456 password1314 password520 password888 password666 password!
password!! password2024 password2025 password2026 password@123 password#123 passw0rd1 passw0rd12 passw0rd123
passw0rd1234 passw0rd12345 passw0rd123456 passw0rd1314 passw0rd520 passw0rd888 passw0rd666 passw0rd!
passw0rd!! passw0rd2024 passw0rd2025 passw0rd2026 passw0rd@123 passw0rd#123 p@ssw0rd1 p@ssw0rd12 p@ssw0rd123
p@ssw0rd1234 p@ssw0rd12345 p@ssw0rd123456 p@ssw0rd1314 p@ssw0rd520 p@ssw0rd888 p@ssw0rd666 p@ssw0rd!
p@ssw0rd!! p@ssw0rd2024 p@ssw0rd2025 p@ssw0rd2026 p@ssw0rd@123 p@ssw0rd#123 qwerty1 qwerty12 qwerty1234
qwerty12345 qwerty123456 qwerty1314 qwerty520 qwerty888 qwerty666 qwerty! qwerty!! qwerty2024 qwerty2025
qwerty2026 qwerty@123 qwerty#123 qwertyuiop1 qwertyuiop12 qwertyuiop123 qwertyuiop1234 qwertyuiop12345
qwertyuiop123456 qwertyuiop1314 qwertyuiop520 qwertyuiop888 qwertyuiop666 qwertyuiop! qwertyuiop!!
qwertyuiop2024 qwertyuiop2025 qwertyuiop2026 qwertyuiop@123 qwertyuiop#123 iloveyou12 iloveyou123 iloveyou1234
iloveyou12345 iloveyou123456 iloveyou520 iloveyou888 iloveyou666 iloveyou! iloveyou!! iloveyou2024
iloveyou2025 iloveyou2026 iloveyou@123 iloveyou#123 woaini1 woaini12 woaini123 woaini1234 woaini12345
woaini123456 woaini888 woaini666 woaini! woaini!! woaini2024 woaini2025 woaini2026 woaini@123 woaini#123
admin1 admin12 admin123 admin1234 admin12345 admin123456 admin1314 admin520 admin888 admin666 admin! admin!!
admin2024 admin2025 admin2026 admin@123 admin#123 welcome12 welcome1234 welcome12345 welcome123456 welcome1314
welcome520 welcome888 welcome666 welcome! welcome!! welcome2024 welcome2025 welcome2026 welcome@123
welcome#123 letmein12 letmein123 letmein1234 letmein12345 letmein123456 letmein1314 letmein520 letmein888
letmein666 letmein! letmein!! letmein2024 letmein2025 letmein2026 letmein@123 letmein#123 abc1231 abc12312
abc123123 abc1231234 abc12312345 abc123123456 abc1231314 abc123520 abc123888 abc123666 abc123! abc123!!
abc1232024 abc1232025 abc1232026 abc123@123 abc123#123 asdfghjkl asdfghjkl1 asdfghjkl12 asdfghjkl123
asdfghjkl1234 asdfghjkl12345 asdfghjkl123456 asdfghjkl1314 asdfghjkl520 asdfghjkl888 asdfghjkl666 asdfghjkl!
asdfghjkl!! asdfghjkl2024 asdfghjkl2025 asdfghjkl2026 asdfghjkl@123 asdfghjkl#123 zxcvbnm12 zxcvbnm123
zxcvbnm1234 zxcvbnm12345 zxcvbnm123456 zxcvbnm1314 zxcvbnm520 zxcvbnm888 zxcvbnm666 zxcvbnm! zxcvbnm!!
zxcvbnm2024 zxcvbnm2025 zxcvbnm2026 zxcvbnm@123 zxcvbnm#123 1qaz2wsx1 1qaz2wsx12 1qaz2wsx123 1qaz2wsx1234
1qaz2wsx12345 1qaz2wsx123456 1qaz2wsx1314 1qaz2wsx520 1qaz2wsx888 1qaz2wsx666 1qaz2wsx! 1qaz2wsx!!
1qaz2wsx2024 1qaz2wsx2025 1qaz2wsx2026 1qaz2wsx@123 1qaz2wsx#123 qazwsx1 qazwsx12 qazwsx123 qazwsx1234
qazwsx12345 qazwsx123456 qazwsx1314 qazwsx520 qazwsx888 qazwsx666 qazwsx! qazwsx!! qazwsx2024 qazwsx2025
qazwsx2026 qazwsx@123 qazwsx#123 football12 football123 football1234 football12345 football123456 football1314
football520 football888 football666 football! football!! football2024 football2025 football2026 football@123
football#123 baseball12 baseball123 baseball1234 baseball12345 baseball123456 baseball1314 baseball520
baseball888 baseball666 baseball! baseball!! baseball2024 baseball2025 baseball2026 baseball@123 baseball#123
superman12 superman123 superman1234 superman12345 superman123456 superman1314 superman520 superman888
superman666 superman! superman!! superman2024 superman2025 superman2026 superman@123 superman#123 princess12
princess123 princess1234 princess12345 princess123456 princess1314 princess520 princess888 princess666
princess! princess!! princess2024 princess2025 princess2026 princess@123 princess#123 sunshine12 sunshine123
sunshine1234 sunshine12345 sunshine123456 sunshine1314 sunshine520 sunshine888 sunshine666 sunshine!
sunshine!! sunshine2024 sunshine2025 sunshine2026 sunshine@123 sunshine#123 monkey1 monkey12 monkey1234
monkey12345 monkey123456 monkey1314 monkey520 monkey888 monkey666 monkey! monkey!! monkey2024 monkey2025
monkey2026 monkey@123 monkey#123 dragon1 dragon12 dragon1234 dragon12345 dragon123456 dragon1314 dragon520
dragon888 dragon666 dragon! dragon!! dragon2024 dragon2025 dragon2026 dragon@123 dragon#123 master1 master12
master1234 master12345 master123456 master1314 master520 master888 master666 master! master!! master2024
master2025 master2026 master@123 master#123 shadow1 shadow12 shadow1234 shadow12345 shadow123456 shadow1314
shadow520 shadow888 shadow666 shadow! shadow!! shadow2024 shadow2025 shadow2026 shadow@123 shadow#123
trustno11 trustno112 trustno1123 trustno11234 trustno112345 trustno1123456 trustno11314 trustno1520
trustno1888 trustno1666 trustno1! trustno1!! trustno12024 trustno12025 trustno12026 trustno1@123 trustno1#123
changeme1 changeme12 changeme123 changeme1234 changeme12345 changeme123456 changeme1314 changeme520
changeme888 changeme666 changeme! changeme!! changeme2024 changeme2025 changeme2026 changeme@123 changeme#123
administrator1 administrator12 administrator123 administrator1234 administrator12345 administrator123456
administrator1314 administrator520 administrator888 administrator666 administrator! administrator!!
administrator2024 administrator2025 administrator2026 administrator@123 administrator#123 computer12
computer123 computer1234 computer12345 computer123456 computer1314 computer520 computer888 computer666
computer! computer!! computer2024 computer2025 computer2026 computer@123 computer#123 internet1 internet12
internet123 internet1234 internet12345 internet123456 internet1314 internet520 internet888 internet666
internet! internet!! internet2024 internet2025 internet2026 internet@123 internet#123 beian beian1 beian12
beian123 beian1234 beian12345 beian123456 beian1314 beian520 beian888 beian666 beian! beian!! beian2024
beian2025 beian2026 beian@123 beian#123 china1 china12 china1234 china12345 china123456 china1314 china520
china888 china666 china! china!! china2024 china2025 china2026 china@123 china#123 zhongguo1 zhongguo12
zhongguo123 zhongguo1234 zhongguo12345 zhongguo123456 zhongguo1314 zhongguo520 zhongguo888 zhongguo666
zhongguo! zhongguo!! zhongguo2024 zhongguo2025 zhongguo2026 zhongguo@123 zhongguo#123 qq qq1 qq12 qq123 qq1234
qq12345 qq1314 qq520 qq888 qq666 qq! qq!! qq2024 qq2025 qq2026 qq@123 qq#123 aini aini1 aini12 aini123
aini1234 aini12345 aini123456 aini888 aini666 aini! aini!! aini2024 aini2025 aini2026 aini@123 aini#123
abcdefg1 abcdefg12 abcdefg123 abcdefg1234 abcdefg12345 abcdefg123456 abcdefg1314 abcdefg520 abcdefg888
abcdefg666 abcdefg! abcdefg!! abcdefg2024 abcdefg2025 abcdefg2026 abcdefg@123 abcdefg#123 abcdef1 abcdef12
abcdef123 abcdef1234 abcdef12345 abcdef123456 abcdef1314 abcdef520 abcdef888 abcdef666 abcdef! abcdef!!
abcdef2024 abcdef2025 abcdef2026 abcdef@123 abcdef#123 a1234561 a12345612 a123456123 a1234561234 a12345612345
a123456123456 a1234561314 a123456520 a123456888 a123456666 a123456! a123456!! a1234562024 a1234562025
a1234562026 a123456@123 a123456#123 zhang zhang1 zhang12 zhang1234 zhang12345 zhang123456 zhang1314 zhang520
zhang888 zhang666 zhang! zhang!! zhang2024 zhang2025 zhang2026 zhang@123 zhang#123 wang wang1 wang12 wang1234
wang12345 wang123456 wang1314 wang520 wang888 wang666 wang! wang!! wang2024 wang2025 wang2026 wang@123
wang#123 li li1 li12 li123 li1234 li12345 li1314 li520 li888 li666 li! li!! li2024 li2025 li2026 li@123 li#123
123456789012 1234567890123 12345678901234 123456123456 123123123123 111111111111 000000000000 888888888888
666666666666 121212121212 112233445566 11223344556677 987654321000 098765432109 147258369147 147258369123
159357159357 5201314520 52013145201314 woaini1314520 woaini5201314 aini13145200 1qaz2wsx3edc 1qaz2wsx3edc4rfv
zaq12wsxcde3 zaq1xsw2cde3 1q2w3e4r5t6y 1q2w3e4r5t6y7u 1q2w3e4r5t6y7u8i qazwsxedcrfv qazwsxedcrfvtgb
qwertyuiopasdf qwertyuiopasdfgh qwertyuiopasdfghjkl asdfghjklzxcvbnm zxcvbnmasdfghjkl abcdefghijkl
abcdefghijklm abcdefghijklmn abcdefghijklmnopqrstuvwxyz abcd12345678 abc123456789 a1b2c3d4e5f6 a1b2c3d4e5f6g7
aaaaaaaaaaaa abcabcabcabc passwordpassword password1password iloveyouiloveyou qwertyqwerty asdfasdfasdf
qweasdzxc123 qweasdzxcqweasdzxc 1234567890qwertyuiop 1234qwerasdfzxcv qwer1234asdf iloveyouforever
iloveyousomuch iloveyoubaby iloveyoumom letmeinplease welcometo2024 welcometo2025 correcthorsebatterystaple
thequickbrownfox opensesame123 trustnoone123 nopassword123 mypassword123 mypassword1234 secretpassword
supersecret123 changemeplease temppassword temp12345678 default12345 defaultpassword adminadmin123
adminpassword rootpassword toortoor1234 useruser1234 guestguest123 beianbeian123 icpbeian123456 china1234567
china12345678 shenzhen123456 beijing123456 shanghai123456 woaibeijing123 woaizhongguo woaiwojia1234
wodemima1234 mimamima1234 nihaonihao123
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
